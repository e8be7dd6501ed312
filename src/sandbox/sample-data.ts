import type { SmartTransaction } from "../client/types.js";
import { smartTransactionSchema } from "../schema/smart-transaction-schema.js";
import { code36, seeded, type Random } from "./random.js";
import { addDetails, paymentContext, SharedParts, transactionNumber } from "./sample-details.js";
import { merchants, type Merchant } from "./sample-merchants.js";

const FORENAMES = [
  "Anna",
  "Lukas",
  "Lea",
  "Jonas",
  "Marie",
  "Paul",
  "Sophie",
  "Felix",
  "Emma",
  "Maximilian",
  "Mia",
  "Leon",
  "Hannah",
  "Ben",
  "Laura",
  "Tim",
];
const SURNAMES = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Schulz",
  "Hoffmann",
  "Koch",
  "Richter",
  "Klein",
  "Wolf",
  "Schröder",
  "Neumann",
  "van der Berg",
  "Meier",
];
const CITIES: readonly (readonly [string, string])[] = [
  ["Berlin", "10115"],
  ["Hamburg", "20095"],
  ["München", "80331"],
  ["Köln", "50667"],
  ["Frankfurt am Main", "60311"],
  ["Stuttgart", "70173"],
  ["Düsseldorf", "40213"],
  ["Leipzig", "04109"],
  ["Dresden", "01067"],
  ["Hannover", "30159"],
];
const STREETS = ["Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schulstraße", "Lindenallee", "Am Markt", "Bergstraße"];
// Most transactions end well: how often each of the schema's statuses comes, so that the sample looks like a shop's.
const STATUS_WEIGHTS: Readonly<Record<string, number>> = {
  created: 3,
  processing: 2,
  approved: 25,
  pending: 6,
  ok: 20,
  received: 14,
  shipped: 12,
  collection: 3,
  collected: 5,
  failed: 10,
};
const STATUSES = smartTransactionSchema.lookup("status")?.values ?? [];
// Each status's weight added to those before it: a roll below it and above the previous one picks it.
let statusTotal = 0;
const STATUS_THRESHOLDS = STATUSES.map((status) => (statusTotal += STATUS_WEIGHTS[status] ?? 1));
const PAYMENT_METHODS = ["creditcard", "debit", "invoice", "paypal", "prepaid", "sofort", "giropay", "easycredit"];
const ARTICLES: readonly (readonly [string, number])[] = [
  ["T-Shirt", 1999],
  ["Kaffeebohnen 1 kg", 1490],
  ["Laufschuhe", 8995],
  ["Rucksack", 5490],
  ["Kopfhörer", 12900],
  ["Buch: Der Prozess", 1200],
  ["Teekanne", 2490],
  ["Fahrradlampe", 3450],
  ["Wanderkarte", 890],
  ["Thermosflasche", 2299],
];
const DAY = 86_400_000;
// Two years of transactions, ending at a fixed day, so that the sample does not change with the clock.
const LAST_DAY = Date.UTC(2026, 10, 30);

function weighted(random: Random): string {
  const roll = random.below(statusTotal);
  let i = 0;
  while (roll >= STATUS_THRESHOLDS[i]!) i++;
  return STATUSES[i]!;
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The date part (`2026-03-29T`) and the UTC month of each day, made once per day and kept. */
const days = new Map<number, { readonly date: string; readonly month: number }>();

function dayOf(day: number): { readonly date: string; readonly month: number } {
  let known = days.get(day);
  if (!known) {
    const start = new Date(day * DAY);
    const date = `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-${pad(start.getUTCDate())}T`;
    days.set(day, (known = { date, month: start.getUTCMonth() }));
  }
  return known;
}

/** An ISO 8601 timestamp with the German offset of its season (+01:00 in winter, +02:00 in summer). */
function germanTime(ms: number): string {
  const { month } = dayOf(Math.floor(ms / DAY));
  const summer = month >= 3 && month <= 9;
  const local = ms + (summer ? 2 : 1) * 3_600_000;
  const day = Math.floor(local / DAY);
  const seconds = Math.floor((local - day * DAY) / 1000);
  // One join makes one flat string; a chain of + would keep a tree of pieces per timestamp.
  return [
    dayOf(day).date,
    pad(Math.floor(seconds / 3600)),
    ":",
    pad(Math.floor(seconds / 60) % 60),
    ":",
    pad(seconds % 60),
    summer ? "+02:00" : "+01:00",
  ].join("");
}

const email = (forename: string, surname: string, n: number): string =>
  `${forename}.${surname}`
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/\s+/g, "") + `${n % 100}@example.com`;

/** Deeply frozen: parts shared by many records must not change under them. */
function frozen<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (typeof inner === "object" && inner !== null) frozen(inner);
  return Object.freeze(value);
}

type Customer = NonNullable<SmartTransaction["customer"]>;
type BasketLine = NonNullable<NonNullable<SmartTransaction["basket"]>["products"]>[number];

/** A shop's customers: each record names one of them, as returning customers buy again. */
function customers(random: Random, count: number): Customer[] {
  return Array.from({ length: count }, (_, n) => {
    const forename = random.pick(FORENAMES);
    const surname = random.pick(SURNAMES);
    const [city, postalCode] = random.pick(CITIES);
    return frozen({
      object: "payment.customers",
      id: `PCU_${code36(random, 8)}`,
      contact: {
        forename,
        surname,
        email: email(forename, surname, n),
        phone: `+49 30 ${1000000 + random.below(9000000)}`,
        address: {
          street: random.pick(STREETS),
          street_number: String(1 + random.below(120)),
          city,
          postal_code: postalCode,
          country: "DE",
        },
      },
    });
  });
}

/** Basket lines are few and alike (an article, its quantity, its place): made once each and shared. */
class BasketLines {
  private readonly articles = new Map<number, BasketLine>();
  private readonly shippings = new Map<number, BasketLine>();
  private readonly coupons = new Map<number, BasketLine>();

  article(id: number, article: number, quantity: number): BasketLine {
    const [desc, priceOne] = ARTICLES[article]!;
    return made(this.articles, (id * ARTICLES.length + article) * 4 + quantity, () => ({
      id,
      item_type: "article",
      desc,
      articleNumber: `ART-${1001 + article * 37}`,
      quantity,
      priceOne,
      sum: priceOne * quantity,
      tax: 19,
    }));
  }

  shipping(id: number): BasketLine {
    return made(this.shippings, id, () => ({
      id,
      item_type: "shipping",
      desc: "Versand",
      quantity: 1,
      priceOne: 495,
      sum: 495,
      tax: 19,
    }));
  }

  coupon(id: number, amount: number): BasketLine {
    return made(this.coupons, id * 10_000 + amount, () => ({
      id,
      item_type: "coupon",
      desc: "Gutschein",
      quantity: 1,
      priceOne: -amount,
      sum: -amount,
      tax: 19,
    }));
  }
}

/** The line kept under `key`, made (and frozen) the first time. */
function made(lines: Map<number, BasketLine>, key: number, make: () => BasketLine): BasketLine {
  let line = lines.get(key);
  if (!line) lines.set(key, (line = frozen(make())));
  return line;
}

/** One Smart Transaction, the `index`-th of the sample. */
/** What every record of a sample draws on: its customers, basket lines, merchants and shared parts. */
interface SampleParts {
  readonly buyers: readonly Customer[];
  readonly lines: BasketLines;
  readonly merchants: readonly Merchant[];
  readonly shared: SharedParts;
}

function transaction(random: Random, index: number, parts: SampleParts): SmartTransaction {
  const { buyers, lines } = parts;
  const created = LAST_DAY - random.below(730 * DAY);
  const articles = 1 + random.below(3);
  const shipped = random.next() < 0.3;
  const couponed = random.next() < 0.15;
  // Sized exactly: an array grown by push keeps room for 17 lines, a million times over.
  const products = new Array<BasketLine>(articles + Number(shipped) + Number(couponed));
  let sum = 0;
  for (let id = 1; id <= articles; id++) {
    const line = lines.article(id, random.below(ARTICLES.length), 1 + random.below(3));
    products[id - 1] = line;
    sum += line.sum!;
  }
  if (shipped) {
    products[articles] = lines.shipping(articles + 1);
    sum += 495;
  }
  if (couponed) {
    const coupon = Math.min(1000, sum - 1);
    products[products.length - 1] = lines.coupon(products.length, coupon);
    sum -= coupon;
  }
  const facts = {
    index,
    id: ["STX_", (index + 1).toString(36).toUpperCase().padStart(6, "0"), code36(random, 4)].join(""),
    created: germanTime(created),
    updated: germanTime(created + random.below(5 * DAY)),
    status: weighted(random),
    method: random.pick(PAYMENT_METHODS),
    sum,
    customer: random.pick(buyers),
    merchant: random.pick(parts.merchants),
    shipped,
  };
  const record: SmartTransaction = {
    object: "smart.transactions",
    id: facts.id,
    created: facts.created,
    updated: facts.updated,
    status: facts.status,
    transactionRef: `ORD-${String(100000 + index)}`,
    merchantRef: `M-${random.below(90000) + 10000}`,
    payment_method: facts.method,
    basket_info: { sum, currency: "EUR" },
    basket: { products, type: "default" },
    customer: facts.customer,
    intent: random.next() < 0.9 ? "sale" : "order",
    is_demo: false,
    // Fields every record has are written here, in one literal: added one by one they cost three times as much.
    merchant: facts.merchant.merchant,
    contract: facts.merchant.contract,
    provider_contract: facts.merchant.providerContract,
    tax_rate: 19,
    tax_amount: Math.round((sum * 19) / 119),
    product: "checkout",
    trans_id: transactionNumber(facts),
    payment_context: parts.shared.get(facts.merchant, facts.method, () => paymentContext(facts.merchant, facts.method)),
  };
  addDetails(random, facts, parts.shared, record);
  return record;
}

/**
 * A deterministic sample of Smart Transactions: the same `count` and `seed` always give the same records, with the
 * reference's fields and value sets, amounts in cents, German customers, and two years of timestamps. Customers
 * (about one per four transactions) and basket lines are shared between records and frozen, which keeps a million
 * records in a few hundred megabytes.
 *
 * @example
 * sampleTransactions(3)[0].status // one of the API's statuses
 */
export function sampleTransactions(count = 10_000, seed = 1): SmartTransaction[] {
  const random = seeded(seed);
  const parts: SampleParts = {
    buyers: customers(random, Math.max(1, Math.ceil(count / 4))),
    lines: new BasketLines(),
    merchants: merchants(random).map((merchant) => frozen(merchant)),
    shared: new SharedParts(frozen),
  };
  const records: SmartTransaction[] = new Array<SmartTransaction>(count);
  for (let i = 0; i < count; i++) records[i] = transaction(random, i, parts);
  return records;
}
