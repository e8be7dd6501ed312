import type { SmartTransaction } from "../client/types.js";
import { code36, type Random } from "./random.js";

/**
 * The merchants of the sample, with what belongs to each: contracts, stores, devices, the shop's checkout settings.
 * A few of them serve every record, so their parts are made once and shared (frozen by the caller).
 */
export interface Merchant {
  readonly merchant: NonNullable<SmartTransaction["merchant"]>;
  /** The merchant as a payment transaction links it: its object and id. */
  readonly link: { readonly object: string; readonly id: string };
  readonly contract: NonNullable<SmartTransaction["contract"]>;
  readonly providerContract: NonNullable<SmartTransaction["provider_contract"]>;
  readonly stores: readonly NonNullable<SmartTransaction["store"]>[];
  readonly devices: readonly NonNullable<SmartTransaction["device_source"]>[];
  readonly domain: string;
  readonly applicationContext: NonNullable<SmartTransaction["application_context"]>;
  readonly paymentLinks: NonNullable<SmartTransaction["payment_links"]>;
  readonly iban: string;
  readonly bic: string;
  readonly city: string;
}

const SHOPS: readonly (readonly [string, string, string])[] = [
  ["Kaffeerösterei Sommer GmbH", "kaffee-sommer.de", "Hamburg"],
  ["Outdoor Lindner KG", "outdoor-lindner.de", "München"],
  ["Buchhandlung am Markt e.K.", "buch-am-markt.de", "Leipzig"],
];
const SHOP_SYSTEMS: readonly (readonly [string, string])[] = [
  ["Shopware", "6.5.8"],
  ["WooCommerce", "8.4.0"],
  ["Magento", "2.4.6"],
];

/** The sample's merchants, the same for a seed. */
export function merchants(random: Random): Merchant[] {
  return SHOPS.map(([companyname, domain, city], n) => {
    const [shopSystem, version] = SHOP_SYSTEMS[n % SHOP_SYSTEMS.length]!;
    const base = `https://${domain}`;
    const merchant = { object: "general.merchants", id: `MRC_${code36(random, 10)}`, companyname };
    return {
      merchant,
      link: { object: merchant.object, id: merchant.id },
      contract: { object: "general.contracts", id: `GCR_${code36(random, 10)}` },
      providerContract: { object: "general.contracts", id: `GCR_${code36(random, 10)}` },
      stores: Array.from({ length: 2 }, () => ({ object: "general.stores", id: `STO_${code36(random, 10)}` })),
      devices: Array.from({ length: 2 }, () => ({ object: "general.devices", id: `DEV_${code36(random, 10)}` })),
      domain,
      applicationContext: {
        locks: { customer: false, shipping_address: false },
        return_urls: {
          url_success: `${base}/checkout/success`,
          url_abort: `${base}/checkout/cancel`,
          url_error: `${base}/checkout/error`,
          url_push: `${base}/api/secupay/push`,
        },
        iframe_opts: {
          project_title: companyname,
          submit_button_title: "Jetzt bezahlen",
          cancel_button_title: "Abbrechen",
          basket_title: "Ihr Warenkorb",
          language: "de_DE",
          hide_disclaimer: false,
          has_accepted_disclaimer: true,
        },
        shop_details: {
          shop_system: shopSystem,
          shop_system_version: version,
          shop_domain: domain,
          plugin_vendor: "secupay AG",
          plugin_version: "3.2.1",
          user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
        },
        checkout_template: "COT_WD_UNIVERSAL",
        language: "de",
      },
      paymentLinks: Object.fromEntries(
        ["prepaid", "debit", "creditcard", "invoice", "paypal", "sofort", "general"].map((method) => [
          method,
          `https://checkout.secuconnect.com/${method}/${code36(random, 12)}`,
        ]),
      ),
      iban: `DE${10 + random.below(89)}${String(random.below(1e9)).padStart(9, "0")}${String(random.below(1e9)).padStart(9, "0")}`,
      bic: "COBADEFFXXX",
      city,
    };
  });
}
