import type { SmartTransaction } from "../client/types.js";
import { smartTransactionSchema } from "../schema/smart-transaction-schema.js";
import { seeded, type Random } from "./random.js";

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
const STATUS_TOTAL = STATUSES.reduce((total, status) => total + (STATUS_WEIGHTS[status] ?? 1), 0);
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
  let roll = random.below(STATUS_TOTAL);
  for (const status of STATUSES) {
    roll -= STATUS_WEIGHTS[status] ?? 1;
    if (roll < 0) return status;
  }
  return STATUSES[0]!;
}

/** An ISO 8601 timestamp with the German offset of its season (+01:00 in winter, +02:00 in summer). */
function germanTime(ms: number): string {
  const month = new Date(ms).getUTCMonth();
  const summer = month >= 3 && month <= 9;
  const offset = summer ? 2 : 1;
  const local = new Date(ms + offset * 3_600_000).toISOString().slice(0, 19);
  return `${local}+0${offset}:00`;
}

const email = (forename: string, surname: string, n: number): string =>
  `${forename}.${surname}`
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/\s+/g, "") + `${n % 100}@example.com`;

/** One Smart Transaction, the `index`-th of the sample. */
function transaction(random: Random, index: number): SmartTransaction {
  const forename = random.pick(FORENAMES);
  const surname = random.pick(SURNAMES);
  const [city, postalCode] = random.pick(CITIES);
  const created = LAST_DAY - random.below(730 * DAY);
  const lines = 1 + random.below(3);
  const products: Record<string, unknown>[] = [];
  let sum = 0;
  for (let line = 0; line < lines; line++) {
    const [desc, priceOne] = random.pick(ARTICLES);
    const quantity = 1 + random.below(3);
    sum += priceOne * quantity;
    products.push({
      id: line + 1,
      item_type: "article",
      desc,
      articleNumber: `ART-${1000 + random.below(9000)}`,
      quantity,
      priceOne,
      sum: priceOne * quantity,
      tax: 19,
    });
  }
  if (random.next() < 0.3) {
    products.push({
      id: lines + 1,
      item_type: "shipping",
      desc: "Versand",
      quantity: 1,
      priceOne: 495,
      sum: 495,
      tax: 19,
    });
    sum += 495;
  }
  if (random.next() < 0.15) {
    const coupon = Math.min(1000, sum - 1);
    products.push({
      id: products.length + 1,
      item_type: "coupon",
      desc: "Gutschein",
      quantity: 1,
      priceOne: -coupon,
      sum: -coupon,
      tax: 19,
    });
    sum -= coupon;
  }
  const id = `STX_${(index + 1).toString(36).toUpperCase().padStart(6, "0")}${random
    .below(36 ** 4)
    .toString(36)
    .toUpperCase()
    .padStart(4, "0")}`;
  return {
    object: "smart.transactions",
    id,
    created: germanTime(created),
    updated: germanTime(created + random.below(5 * DAY)),
    status: weighted(random),
    transactionRef: `ORD-${String(100000 + index)}`,
    merchantRef: `M-${random.below(90000) + 10000}`,
    payment_method: random.pick(PAYMENT_METHODS),
    basket_info: { sum, currency: "EUR" },
    basket: { products, type: "default" },
    customer: {
      object: "payment.customers",
      id: `PCU_${random
        .below(36 ** 8)
        .toString(36)
        .toUpperCase()
        .padStart(8, "0")}`,
      contact: {
        forename,
        surname,
        email: email(forename, surname, index),
        phone: `+49 30 ${1000000 + random.below(9000000)}`,
        address: {
          street: random.pick(STREETS),
          street_number: String(1 + random.below(120)),
          city,
          postal_code: postalCode,
          country: "DE",
        },
      },
    },
    intent: random.next() < 0.9 ? "sale" : "order",
    is_demo: false,
  };
}

/**
 * A deterministic sample of Smart Transactions: the same `count` and `seed` always give the same records, with the
 * reference's fields and value sets, amounts in cents, German customers, and two years of timestamps.
 *
 * @example
 * sampleTransactions(3)[0].status // one of the API's statuses
 */
export function sampleTransactions(count = 10_000, seed = 1): SmartTransaction[] {
  const random = seeded(seed);
  const records: SmartTransaction[] = new Array<SmartTransaction>(count);
  for (let i = 0; i < count; i++) records[i] = transaction(random, i);
  return records;
}
