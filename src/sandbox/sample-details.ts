import type { SmartTransaction } from "../client/types.js";
import { code36, type Random } from "./random.js";
import type { Merchant } from "./sample-merchants.js";

type Customer = NonNullable<SmartTransaction["customer"]>;

/** What a record is made from: decided by the sample, and read here to fill in the rest consistently. */
export interface RecordFacts {
  readonly index: number;
  readonly id: string;
  readonly created: string;
  readonly updated: string;
  readonly status: string;
  readonly method: string;
  readonly sum: number;
  readonly customer: Customer;
  readonly merchant: Merchant;
  readonly shipped: boolean;
}

// The payment transaction's simple status for each Smart Transaction status, as the API's status flow pairs them.
const SIMPLE_STATUS: Readonly<Record<string, readonly [number, string]>> = {
  processing: [10, "pending"],
  approved: [1, "accepted"],
  pending: [10, "pending"],
  ok: [9, "paid"],
  received: [9, "paid"],
  shipped: [9, "paid"],
  collection: [4, "issue"],
  collected: [6, "issue_resolved"],
  failed: [3, "denied"],
};

/**
 * Parts many records share (a receipt, a payment context), made once per key and frozen. Keys are objects or numbers
 * the records already hold, in two levels, so that finding a part builds no string.
 */
export class SharedParts {
  private readonly made = new Map<unknown, Map<unknown, unknown>>();
  constructor(private readonly freeze: <T extends object>(value: T) => T) {}

  get<T extends object>(first: unknown, second: unknown, make: () => T): T {
    let inner = this.made.get(first);
    if (!inner) this.made.set(first, (inner = new Map()));
    let part = inner.get(second) as T | undefined;
    if (!part) inner.set(second, (part = this.freeze(make())));
    return part;
  }
}

function receipt(status: string, method: string): NonNullable<SmartTransaction["receipt"]> {
  return [
    { type: "textline", value: { text: "Vielen Dank für Ihren Einkauf" } },
    { type: "separator", value: { caption: "Zahlung" } },
    { type: "name-value", value: { name: "Zahlart", value: method } },
    { type: "name-value", value: { name: "Status", value: status } },
    { type: "space", value: {} },
  ];
}

/** The payment transaction's number of a record. */
export const transactionNumber = (facts: Pick<RecordFacts, "index">): number => 20_000_000 + facts.index;

/** What every record of a merchant's, paid one way, says of its payment: made once per merchant and method. */
export function paymentContext(merchant: Merchant, method: string): NonNullable<SmartTransaction["payment_context"]> {
  return {
    auto_capture: method !== "invoice",
    payment_methods: [method],
    merchant_initiated: false,
    creditcard_schemes: method === "creditcard" ? ["visa", "mastercard"] : [],
    accrual: false,
    dynamic_descriptor: { merchant_name: merchant.merchant.companyname ?? "", merchant_city: merchant.city },
    container_instructions: { request_token: method === "creditcard" || method === "debit" },
  };
}

/**
 * Adds every other documented field to a record, consistent with its facts: a payment transaction for its amount, the
 * merchant's contract, stores and devices, a till's receipt or a shop's checkout, delivery for what is shipped,
 * payment instructions for invoices. A record is a sale in a store (a fifth of them) or in the merchant's web shop.
 */
export function addDetails(
  random: Random,
  facts: RecordFacts,
  shared: SharedParts,
  details: Record<string, unknown>,
): void {
  const { created, updated, status, method, sum, customer, merchant } = facts;
  const transId = transactionNumber(facts);
  const inStore = random.next() < 0.2;
  const simple = SIMPLE_STATUS[status];
  if (simple) {
    details.transactions = [
      {
        object: "payment.transactions",
        id: `PCI_${transId.toString(36).toUpperCase()}`,
        created,
        updated,
        trans_id: transId,
        product: method,
        amount: sum,
        currency: "EUR",
        status: simple[0],
        status_text: simple[1],
        merchant: merchant.link,
        contract: merchant.contract,
        details: shared.get(simple, sum, () => ({
          amount: sum,
          status_simple: simple[0],
          status_simple_text: simple[1],
        })),
      },
    ];
  }
  if (method === "creditcard" || method === "debit") {
    details.container = shared.get(customer, method, () => ({
      object: "payment.containers",
      id: `PCT_${code36(random, 10)}`,
      type: method === "creditcard" ? "credit_card" : "bank_account",
    }));
  }
  if (method === "invoice" || method === "prepaid") {
    details.payment_instructions = {
      iban: merchant.iban,
      bic: merchant.bic,
      owner: merchant.merchant.companyname,
      bankname: "Commerzbank",
      purpose: `TA ${transId}`,
      girocode_url: `https://connect.secucard.com/ds_g/${merchant.merchant.id}`,
    };
  }
  if (method === "prepaid") details.prepaid_sales = { id: transId, status: simple ? "ok" : "created" };
  if (random.next() < 0.02) details.subscription = { object: "payment.subscriptions", id: `PSU_${code36(random, 10)}` };
  if (facts.shipped) {
    details.shipping_address = customer;
    if (status === "shipped" || status === "ok" || status === "received") {
      details.delivery_options = {
        type: "shipping",
        shipped_at: updated,
        shipped_by: random.next() < 0.6 ? "DHL" : "Hermes",
        tracking_code: `00340${String(random.below(1e9)).padStart(9, "0")}`,
      };
    }
  }
  if (inStore) inStoreDetails(random, facts, shared, details);
  else onlineDetails(random, facts, shared, details);
}

function inStoreDetails(
  random: Random,
  facts: RecordFacts,
  shared: SharedParts,
  details: Record<string, unknown>,
): void {
  const { merchant, status, method } = facts;
  const store = random.pick(merchant.stores);
  details.store = store;
  details.device_source = random.pick(merchant.devices);
  details.device_destination = random.pick(merchant.devices);
  details.cashier = `Kasse ${1 + random.below(4)}`;
  details.market = `Filiale ${merchant.city}`;
  details.receipt_number = 1000 + random.below(9000);
  details.receipt = shared.get(status, method, () => receipt(status, method));
  details.receipt_merchant = details.receipt;
  details.receipt_merchant_print = random.next() < 0.3;
  if (random.next() < 0.1) {
    details.checkin = {
      object: "smart.checkins",
      id: `SCI_${code36(random, 10)}`,
      email: facts.customer.contact?.email,
    };
  }
  if (random.next() < 0.15) {
    const card = random.below(20);
    details.idents = [
      shared.get(merchant.merchant, card, () => ({
        object: "smart.idents",
        id: `SIN_${code36(random, 10)}`,
        prefix: "9276",
        name: "Kundenkarte",
        type: "card",
        value: `9276${String(card).padStart(12, "0")}`,
        valid: true,
      })),
    ];
  }
  if (!facts.shipped && random.next() < 0.2) {
    details.delivery_options = { type: "collection", store_id: store.id, code: String(1000 + random.below(9000)) };
  }
}

function onlineDetails(
  random: Random,
  facts: RecordFacts,
  shared: SharedParts,
  details: Record<string, unknown>,
): void {
  const { merchant, status } = facts;
  // The checkout's links and the page last seen matter while the checkout is open.
  if (status === "created" || status === "processing" || status === "pending") {
    const url = `https://checkout.secuconnect.com/${facts.id}`;
    details.checkout_links = { url_checkout: url };
    details.iframe_url = `${url}/iframe`;
    details.last_visited_page = random.pick(["basket", "address", "payment", "confirmation"]);
  }
  details.application_context = merchant.applicationContext;
  details.payment_links = merchant.paymentLinks;
  details.communications = shared.get("communications", "email", () => ({
    action_type: "email",
    template_id: "order_confirmation",
  }));
}
