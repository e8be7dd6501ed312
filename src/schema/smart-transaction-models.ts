import { field } from "./schema.js";

/*
 * The Smart Transaction (SmartTransactionsProductModel) as the Secuconnect SDKs describe it (php-sdk 2.63,
 * java-sdk 4.3), with types that fit how people search it: amounts are integers in cents, timestamps are dates,
 * ids, references and codes are keywords. Models the SDKs name without listing their fields are `object`: any path
 * below them is accepted unchecked. Shared models are declared once and reused.
 */

/** An amount in cents, with what it is the amount of. */
export const cents = (description: string) =>
  field("integer", { unit: "cent", description: `${description}, in the smallest currency unit (cent)` });

/** A reference to another Secuconnect object: its type and id. */
export const productInstance = { object: "keyword", id: "keyword" } as const;

const address = {
  type: "keyword",
  street: "string",
  street_number: "string",
  city: "string",
  postal_code: "keyword",
  country: "keyword",
  additional_address_data: "string",
} as const;

const contact = {
  name: "string",
  forename: "string",
  surname: "string",
  companyname: "string",
  salutation: "string",
  gender: "string",
  title: "string",
  email: "keyword",
  phone: "keyword",
  mobile: "keyword",
  fax: "keyword",
  dob: field("date", { description: "date of birth" }),
  picture: "string",
  url_website: "string",
  birthplace: "string",
  nationality: "keyword",
  address,
} as const;

/** A customer, or a shipping address: a contact with its address. */
export const customer = {
  object: "keyword",
  id: "keyword",
  created: "date",
  updated: "date",
  contract: productInstance,
  contact,
} as const;

/** Receipt lines, as printed for the customer or the merchant. */
export const receipt = [
  {
    type: field("keyword", { values: ["separator", "textline", "name-value", "space"] }),
    value: { caption: "string", text: "string", decoration: ["string"], name: "string", value: "string" },
  },
] as const;

const productGroup = [{ id: "keyword", desc: "string", level: "integer" }] as const;

/** One line of the basket. */
export const basketProduct = {
  id: "integer",
  parent: "integer",
  item_type: field("keyword", {
    values: ["article", "coupon", "sub_transaction", "stakeholder_payment", "shipping", "subscription"],
  }),
  desc: "string",
  articleNumber: "keyword",
  serialNumber: "keyword",
  ean: "keyword",
  quantity: "integer",
  priceOne: cents("price of one item"),
  sum: cents("price of all items of this line"),
  tax: field("integer", { description: "tax rate in percent" }),
  reference_id: "keyword",
  contract_id: "keyword",
  group: productGroup,
} as const;

const parentTransaction = [
  {
    object: "keyword",
    id: "keyword",
    trans_id: "integer",
    ref_type_id: "integer",
    ref_type_raw: "string",
    hierarchy: "string",
  },
] as const;

/** A field found only in answers to an aggregate request; not searchable. */
export const aggregation = (description: string, type: "integer" | "keyword" | "object") =>
  field(type, {
    searchable: false,
    description: `aggregation result (${description}), only in answers to an aggregate request`,
  });

/** The payment transactions of a Smart Transaction (PaymentTransactionsProductModel). */
export const linkedTransactions = [
  {
    object: "keyword",
    id: "keyword",
    created: "date",
    updated: "date",
    platform: productInstance,
    merchant: {
      object: "keyword",
      id: "keyword",
      id_old: "integer",
      type: "keyword",
      user: "object",
      parent: "object",
      assigned_by: "object",
      invited_by: "object",
      legal_details: "object",
      urls: "object",
      store_name: "string",
      acceptance_points: "object",
      two_fa: "string",
    },
    store: {
      object: "keyword",
      id: "keyword",
      id_old: "keyword",
      merchant: "object",
      store_name: "string",
      facebook_id: "keyword",
      source: "string",
      key: "keyword",
      hash: "keyword",
      address_components: "object",
      address_formatted: "string",
      phone_number_formatted: "string",
      geometry: "object",
      name: "string",
      name_raw: "string",
      photo_main: "string",
      photo: ["string"],
      category_main: "string",
      category: ["string"],
      url_googleplus: "string",
      url_website: "string",
      open_hours: "object",
      open_now: "boolean",
      open_time: "string",
      utc_offset: "string",
      assigned_by: "object",
      invited_by: "object",
      has_beacon: "boolean",
      acceptance_point: "boolean",
    },
    contract: {
      object: "keyword",
      id: "keyword",
      description: "string",
      id_old: "integer",
      parent: "object",
      merchant: "object",
      pay_in_advance_account: "object",
      paypal_configuration: "object",
      easycredit_configuration: "object",
      checkout_configuration: "object",
      payment_link_options: "object",
      approved: "boolean",
      event_details: "object",
    },
    trans_id: "integer",
    parents: parentTransaction,
    related_transactions: parentTransaction,
    subscription: productInstance,
    product_id: "integer",
    product: "string",
    product_raw: "string",
    zahlungsmittel_id: "integer",
    contract_id: "integer",
    amount: cents("amount"),
    currency: "keyword",
    completion_date: "date",
    description: "string",
    description_raw: "string",
    status: "integer",
    status_text: "string",
    incoming_payment_date: "date",
    details: {
      amount: cents("amount"),
      cleared: "string",
      status: "integer",
      status_text: "string",
      status_simple: field("integer", {
        description:
          "0 proceed, 1 accepted, 2 authorized, 3 denied, 4 issue, 5 void, 6 issue_resolved, 7 refund, " +
          "8 created, 9 paid, " +
          "10 pending, 11 subscription_approved, 12 subscription_declined, 13 on_hold, 14 waiting_for_shipment",
      }),
      status_simple_text: "string",
      description: "string",
      description_raw: "string",
    },
    customer: { companyname: "string", salutation: "string", title: "string", forename: "string", surname: "string" },
    tid: "keyword",
    payment_data: "string",
    store_name: "string",
    payout_date: "date",
    invoice_number: "keyword",
    transaction_hash: "keyword",
    reference_id: "keyword",
    incoming_payment_purpose: "string",
    incoming_payment_iban: "keyword",
    incoming_payment_bic: "keyword",
    account_owner: "string",
    accrual: "boolean",
    order_id: "keyword",
    transmitted_to_bank: "boolean",
    documents: [{ url: "string", type: "keyword", document_type: "keyword" }],
    load_date: "date",
    basket: [
      {
        tax: field("integer", { description: "tax rate in percent" }),
        quantity: "integer",
        price: cents("price"),
        reference_id: "keyword",
        ean: "keyword",
        article_number: "keyword",
        item_type: "keyword",
        name: "string",
        total: cents("total"),
        sub_basket: ["object"],
      },
    ],
  },
] as const;
