/**
 * Hand-built NormalizedOrder objects equivalent to the demo fixtures
 * (fixtures/demo: Shopify #1001-#1016, WooCommerce 2001-2014), as the platform adapters
 * are expected to produce them. Used by describe.test.ts; also handy for engine tests.
 */
import type { NormalizedOrder, OrderItem, Shipment, StorePolicies } from "../../app/orders/types";

/** The demo snapshot: Mon 2026-11-23 ~10:00 America/New_York / ~10:30 Europe/Berlin. */
export const SHOPIFY_NOW = new Date("2026-11-23T15:00:00Z");
export const WOO_NOW = new Date("2026-11-23T09:30:00Z");

export const SHOPIFY_POLICIES: StorePolicies = {
  shipping:
    "<p><strong>Processing time:</strong> in-stock orders leave our Columbus, Ohio warehouse within 1-2 business days (Monday-Friday, excluding US holidays). Orders placed after 2pm ET ship the next business day.</p><p><strong>Tracking:</strong> you get a shipping confirmation email with a tracking link for every parcel.</p>",
  returns: "<p>We have a <strong>30-day return policy</strong>.</p>",
};

function item(
  title: string,
  quantity = 1,
  variantTitle: string | null = null,
  extra: Partial<OrderItem> = {},
): OrderItem {
  return { title, quantity, variantTitle, sku: null, ...extra };
}

function ship(p: Partial<Shipment> & Pick<Shipment, "status">): Shipment {
  return {
    carrier: null,
    carrierCode: null,
    trackingNumber: null,
    trackingUrl: null,
    trackingUrlInferred: false,
    shippedAt: null,
    estimatedDeliveryAt: null,
    deliveredAt: null,
    items: [],
    lastEvent: null,
    ...p,
  };
}

function base(
  p: Partial<NormalizedOrder> & Pick<NormalizedOrder, "number" | "placedAt" | "status" | "total">,
): NormalizedOrder {
  return {
    id: p.id ?? `gid://shopify/Order/55000000${p.number}`,
    platformStatus: "",
    outstanding: null,
    subtotal: null,
    discountCodes: [],
    paymentMethod: null,
    paymentUrl: null,
    items: [],
    shipments: [],
    refunds: [],
    cancelledAt: null,
    cancelReason: null,
    statusPageUrl: `https://demo-outfitters.example/orders/${p.number}/status`,
    deliveryMethod: "shipping",
    pickup: null,
    shippingCountry: "US",
    shippingCity: null,
    customerNotes: [],
    contact: contact("Test Shopper", "shopper@example.com", "+14155550100"),
    customerLocale: "en-US",
    test: false,
    ...p,
  };
}

/** Who placed the order: name, e-mail and phone (null: not given), and their customer account if any. */
function contact(
  name: string,
  email: string | null,
  phone: string | null,
  customerId: string | null = null,
): NormalizedOrder["contact"] {
  return { email, phone, customerId, name };
}

/** The demo stores' returning customers (signed in, several orders each). */
const alice = () =>
  contact(
    "Alice Johnson",
    "alice.johnson@example.com",
    "+14155550134",
    "gid://shopify/Customer/7700000000001",
  );
const lena = () => contact("Lena Schmidt", "lena.schmidt@example.com", "+49405550133", "5");

const usd = (amount: string) => ({ amount, currency: "USD" });
const eur = (amount: string) => ({ amount, currency: "EUR" });

const UPS_URL = (n: string) => `https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=${n}`;
const USPS_URL = (n: string) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`;
const FEDEX_URL = (n: string) => `https://www.fedex.com/fedextrack/?trknbr=${n}`;
const DHL_DE_URL = (n: string) =>
  `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?lang=de&idc=${n}&rfn=&extendedSearch=true`;

/** A parcel's carrier, its tracking number and the carrier's tracking link for that number. */
const trackedBy =
  (carrier: string, carrierCode: string, url: (n: string) => string) =>
  (trackingNumber: string): Partial<Shipment> => ({
    carrier,
    carrierCode,
    trackingNumber,
    trackingUrl: url(trackingNumber),
  });
const ups = trackedBy("UPS", "ups", UPS_URL);
const usps = trackedBy("USPS", "usps", USPS_URL);
const fedex = trackedBy("FedEx", "fedex", FEDEX_URL);

// ---------------------------------------------------------------------------------------------
// Shopify: Demo Outfitters (USD, America/New_York)
// ---------------------------------------------------------------------------------------------

export const shopifyOrders: Record<string, NormalizedOrder> = {
  "1001": base({
    number: "1001",
    placedAt: "2026-11-23T00:42:17Z",
    status: "processing",
    platformStatus: "PAID / UNFULFILLED",
    total: usd("300.89"),
    items: [
      item("Alpine Trail Down Jacket", 1, "Women's M / Glacier Blue", { unshippedQuantity: 1 }),
      item("Merino Wool Hiking Socks", 2, "M / Charcoal", { unshippedQuantity: 2 }),
    ],
    shippingCity: "San Francisco",
    contact: alice(),
  }),
  "1002": base({
    number: "1002",
    placedAt: "2026-11-18T16:05:43Z",
    status: "shipped",
    platformStatus: "PAID / FULFILLED",
    total: usd("205.65"),
    items: [item("Ridgeline 3L Rain Shell", 1, "Men's L / Moss")],
    shipments: [
      ship({
        ...ups("1ZA84R270384120936"),
        status: "in_transit",
        shippedAt: "2026-11-19T19:22:10Z",
        estimatedDeliveryAt: "2026-11-24T17:00:00Z",
        items: [item("Ridgeline 3L Rain Shell")],
        lastEvent: {
          at: "2026-11-23T04:30:00Z",
          status: "in_transit",
          message: "Arrived at facility",
          location: "Commerce City, CO",
        },
      }),
    ],
    contact: contact("Marcus Reed", "marcus.reed@example.net", "+13035550161"),
  }),
  "1003": base({
    number: "1003",
    placedAt: "2026-11-09T13:15:02Z",
    status: "delivered",
    platformStatus: "PAID / FULFILLED",
    total: usd("124.23"),
    items: [
      item("Summit Fleece Pullover", 1, "Women's S / Oatmeal"),
      item("Trailhead Beanie", 1, "One Size / Rust"),
    ],
    shipments: [
      ship({
        ...usps("9400111899223855710247"),
        status: "delivered",
        shippedAt: "2026-11-10T18:02:44Z",
        estimatedDeliveryAt: "2026-11-14T17:00:00Z",
        deliveredAt: "2026-11-13T21:22:00Z",
        items: [item("Summit Fleece Pullover"), item("Trailhead Beanie")],
        lastEvent: {
          at: "2026-11-13T21:22:00Z",
          status: "delivered",
          message: "Delivered, in/at mailbox",
          location: "San Francisco, CA",
        },
      }),
    ],
    contact: alice(),
  }),
  "1004": base({
    number: "1004",
    placedAt: "2026-11-15T02:10:38Z",
    status: "partially_shipped",
    platformStatus: "PAID / PARTIALLY_FULFILLED",
    total: usd("620.25"),
    items: [
      item("Basecamp 2-Person Tent", 1, "Slate"),
      item("Packable Daypack 20L", 1, "Slate"),
      item("Insulated Water Bottle 32oz", 1, "Forest Green"),
      item("Trekking Poles (Pair)", 1, "Carbon", { unshippedQuantity: 1, backordered: true }),
    ],
    shipments: [
      ship({
        ...fedex("791203588467"),
        status: "delivered",
        shippedAt: "2026-11-16T15:45:19Z",
        estimatedDeliveryAt: "2026-11-19T17:00:00Z",
        deliveredAt: "2026-11-19T23:40:00Z",
        items: [item("Basecamp 2-Person Tent")],
        lastEvent: {
          at: "2026-11-19T23:40:00Z",
          status: "delivered",
          message: "Delivered - Left at front door",
          location: "San Francisco, CA",
        },
      }),
      ship({
        carrier: "DHL eCommerce",
        carrierCode: "dhl_ecommerce",
        trackingNumber: "GM5301284467220193",
        trackingUrl:
          "https://www.dhl.com/us-en/home/tracking/tracking-ecommerce.html?submit=1&tracking-id=GM5301284467220193",
        status: "in_transit",
        shippedAt: "2026-11-20T14:30:05Z",
        estimatedDeliveryAt: "2026-11-25T17:00:00Z",
        items: [item("Packable Daypack 20L"), item("Insulated Water Bottle 32oz")],
        lastEvent: {
          at: "2026-11-22T19:48:00Z",
          status: "in_transit",
          message: "Arrived at DHL eCommerce facility",
          location: "Salt Lake City, UT",
        },
      }),
    ],
    contact: alice(),
  }),
  "1005": base({
    number: "1005",
    placedAt: "2026-11-16T14:12:30Z",
    status: "cancelled",
    platformStatus: "REFUNDED / UNFULFILLED",
    total: usd("186.32"),
    items: [item("Cascade Insulated Hiking Boots", 1, "US 8 / Walnut")],
    refunds: [
      {
        createdAt: "2026-11-16T15:47:55Z",
        amount: usd("186.32"),
        note: "Customer asked to cancel (ordered the wrong size) before shipment.",
        items: [item("Cascade Insulated Hiking Boots")],
        restocked: true,
      },
    ],
    cancelledAt: "2026-11-16T15:47:55Z",
    cancelReason: "customer",
    contact: contact("Priya Patel", "priya.patel@example.com", "+13125550119"),
  }),
  "1006": base({
    number: "1006",
    placedAt: "2026-11-03T22:30:11Z",
    status: "partially_refunded",
    platformStatus: "PARTIALLY_REFUNDED / FULFILLED",
    total: usd("299.05"),
    items: [
      item("Ridgeline 3L Rain Shell", 1, "Men's M / Black"),
      item("Insulated Water Bottle 32oz", 1, "Glacier White"),
      item("Merino Wool Hiking Socks", 2, "L / Navy"),
    ],
    shipments: [
      ship({
        ...ups("1ZA84R270377355161"),
        status: "delivered",
        shippedAt: "2026-11-04T16:00:27Z",
        estimatedDeliveryAt: "2026-11-06T17:00:00Z",
        deliveredAt: "2026-11-06T22:05:00Z",
        items: [
          item("Ridgeline 3L Rain Shell"),
          item("Insulated Water Bottle 32oz"),
          item("Merino Wool Hiking Socks", 2),
        ],
        lastEvent: {
          at: "2026-11-06T22:05:00Z",
          status: "delivered",
          message: "Delivered, front door",
          location: "Seattle, WA",
        },
      }),
    ],
    refunds: [
      {
        createdAt: "2026-11-10T15:15:40Z",
        amount: usd("37.52"),
        note: "Water bottle arrived dented - refunded, no return needed.",
        items: [item("Insulated Water Bottle 32oz", 1, "Glacier White")],
        restocked: false,
      },
    ],
    contact: contact("Daniel Kim", "daniel.kim@example.net", "+12065550183"),
  }),
  "1007": base({
    number: "1007",
    placedAt: "2026-11-21T21:20:09Z",
    status: "pending_payment",
    platformStatus: "PENDING / UNFULFILLED",
    total: usd("128.16"),
    outstanding: usd("128.16"),
    paymentMethod: "Bank Deposit",
    items: [item("Summit Fleece Pullover", 1, "Women's M / Sage"), item("Trail Running Cap", 1, "Black")],
    contact: contact("Sofia Garcia", "sofia.garcia@example.com", "+15125550146"),
  }),
  "1008": base({
    number: "1008",
    placedAt: "2026-11-20T17:40:51Z",
    status: "ready_for_pickup",
    platformStatus: "PAID / FULFILLED",
    total: usd("115.56"),
    deliveryMethod: "pickup",
    shippingCountry: null,
    items: [item("Lakeside Camp Chair", 1, "Olive"), item("Headlamp 400 Lumen")],
    pickup: {
      locationName: "Demo Outfitters Burlington",
      address: "85 Church St, Burlington, VT 05401",
      instructions:
        "Pickup counter is at the back of the store. Bring your order number and a photo ID. Open Mon-Sat 10am-7pm, Sun 11am-5pm.",
    },
    shipments: [
      ship({
        status: "ready_for_pickup",
        shippedAt: "2026-11-21T15:15:33Z",
        items: [item("Lakeside Camp Chair"), item("Headlamp 400 Lumen")],
      }),
    ],
    contact: contact("Emma Wilson", "emma.wilson@example.com", "+18025550157"),
  }),
  "1009": base({
    number: "1009",
    placedAt: "2026-11-17T19:05:26Z",
    status: "shipped",
    platformStatus: "PAID / FULFILLED",
    total: eur("347.0"),
    shippingCountry: "DE",
    shippingCity: "Berlin",
    customerLocale: "de-DE",
    items: [
      item("Alpine Trail Down Jacket", 1, "Men's L / Black"),
      item("Merino Base Layer Crew", 1, "Men's L / Charcoal"),
    ],
    shipments: [
      ship({
        carrier: "DHL Express",
        carrierCode: "dhl_express",
        trackingNumber: "4839172656",
        trackingUrl:
          "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=4839172656",
        status: "in_transit",
        shippedAt: "2026-11-18T16:30:48Z",
        estimatedDeliveryAt: "2026-11-24T17:00:00Z",
        items: [item("Alpine Trail Down Jacket"), item("Merino Base Layer Crew")],
        lastEvent: {
          at: "2026-11-21T11:10:00Z",
          status: "in_transit",
          message: "Customs status updated: clearance processing underway",
          location: "Leipzig, DE",
        },
      }),
    ],
    contact: contact("Jürgen Müller", "juergen.mueller@example.net", "+49305550142"),
  }),
  "1010": base({
    number: "1010",
    placedAt: "2026-11-15T11:30:02Z",
    status: "shipped",
    platformStatus: "PAID / FULFILLED",
    total: { amount: "75.95", currency: "GBP" },
    shippingCountry: "GB",
    customerLocale: "en-GB",
    items: [item("Packable Daypack 20L", 1, "Ember"), item("Trailhead Beanie", 1, "One Size / Charcoal")],
    shipments: [
      ship({
        // inferred by inferCarrier(): Shopify gave company null and url null
        carrier: "Royal Mail",
        carrierCode: "royal_mail",
        trackingNumber: "TT483920172GB",
        trackingUrl: "https://www.royalmail.com/track-your-item#/tracking-results/TT483920172GB",
        trackingUrlInferred: true,
        status: "in_transit",
        shippedAt: "2026-11-17T10:12:09Z",
        items: [item("Packable Daypack 20L"), item("Trailhead Beanie")],
      }),
    ],
    contact: contact("Oliver Bennett", "oliver.bennett@example.com", "+442079460555"),
  }),
  "1011": base({
    number: "1011",
    placedAt: "2026-07-26T14:12:44Z",
    status: "delivered",
    platformStatus: "PAID / FULFILLED",
    total: usd("121.0"),
    items: [
      item("Trail Running Shorts", 1, "Women's S / Teal"),
      item("Sun Hoodie UPF 50", 1, "Women's S / Sky"),
    ],
    shipments: [
      ship({
        ...usps("9400111899223855401879"),
        status: "delivered",
        shippedAt: "2026-07-27T13:41:16Z",
        estimatedDeliveryAt: "2026-07-31T17:00:00Z",
        deliveredAt: "2026-07-31T18:02:00Z",
        items: [item("Trail Running Shorts"), item("Sun Hoodie UPF 50")],
        lastEvent: {
          at: "2026-07-31T18:02:00Z",
          status: "delivered",
          message: "Delivered, front door/porch",
          location: "Portland, OR",
        },
      }),
    ],
    contact: contact("Grace Thompson", "grace.thompson@example.com", "+15035550128"),
  }),
  "1012": base({
    number: "1012",
    placedAt: "2026-11-22T13:55:37Z",
    status: "shipped",
    platformStatus: "PAID / FULFILLED",
    total: usd("131.0"),
    items: [item("Basecamp Insulated Vest", 1, "Men's XL / Navy")],
    shipments: [
      ship({
        ...usps("9405511899223855772125"),
        status: "label_created",
        shippedAt: "2026-11-23T14:40:02Z",
        items: [item("Basecamp Insulated Vest")],
        lastEvent: {
          at: "2026-11-23T14:40:02Z",
          status: "label_created",
          message: "Shipping label created, USPS awaiting item",
          location: "Columbus, OH",
        },
      }),
    ],
    contact: contact("Bob Smith", "Bob.Smith@Example.COM", "+16175550191"),
  }),
  "1013": base({
    number: "1013",
    placedAt: "2026-11-18T20:20:10Z",
    status: "shipped",
    platformStatus: "PAID / FULFILLED",
    total: usd("151.38"),
    items: [item("Hammock with Straps", 1, "Sunset Orange"), item("Camp Lantern")],
    shipments: [
      ship({
        ...fedex("773640219535"),
        status: "delayed",
        shippedAt: "2026-11-19T15:10:45Z",
        estimatedDeliveryAt: "2026-11-27T17:00:00Z",
        items: [item("Hammock with Straps"), item("Camp Lantern")],
        lastEvent: {
          at: "2026-11-21T14:25:00Z",
          status: "delayed",
          message: "Delay - weather conditions. New estimated delivery date: Fri 11/27",
          location: "Memphis, TN",
        },
      }),
    ],
    contact: contact("Carlos Rivera", null, "+13055550178"),
  }),
  "1014": base({
    number: "1014",
    placedAt: "2026-11-19T01:30:59Z",
    status: "out_for_delivery",
    platformStatus: "PAID / FULFILLED",
    total: usd("1235.62"),
    discountCodes: ["WELCOME10"],
    items: [
      item("Alpine Trail Down Jacket", 1, "Women's S / Black"),
      item("Ridgeline 3L Rain Shell", 1, "Women's S / Moss"),
      item("Merino Base Layer Crew", 1, "Women's S / Charcoal"),
      item("Merino Base Layer Leggings", 1, "Women's S / Charcoal"),
      item("Summit Fleece Pullover", 1, "Women's S / Oatmeal"),
      item("Merino Wool Hiking Socks", 3, "M / Charcoal"),
      item("Cascade Insulated Hiking Boots", 1, "US 7.5 / Walnut"),
      item("Basecamp 2-Person Tent", 1, "Slate"),
    ],
    shipments: [
      ship({
        ...ups("1ZA84R270390203344"),
        status: "out_for_delivery",
        shippedAt: "2026-11-20T14:15:21Z",
        estimatedDeliveryAt: "2026-11-23T17:00:00Z",
        items: [
          item("Alpine Trail Down Jacket"),
          item("Ridgeline 3L Rain Shell"),
          item("Merino Base Layer Crew"),
          item("Merino Base Layer Leggings"),
          item("Summit Fleece Pullover"),
          item("Merino Wool Hiking Socks", 3),
          item("Cascade Insulated Hiking Boots"),
          item("Basecamp 2-Person Tent"),
        ],
        lastEvent: {
          at: "2026-11-23T12:48:00Z",
          status: "out_for_delivery",
          message: "Out for delivery today",
          location: "Maspeth, NY",
        },
      }),
    ],
    contact: contact(
      "Hannah Lee",
      "hannah.lee@example.com",
      "+17185550163",
      "gid://shopify/Customer/7700000000010",
    ),
  }),
  "1015": base({
    number: "1015",
    placedAt: "2026-11-21T18:00:04Z",
    status: "processing",
    total: usd("42.4"),
    items: [item("Trail Running Cap", 1, "Black", { unshippedQuantity: 1 })],
    test: true,
    contact: contact("Test Buyer", "test.buyer@example.com", null),
  }),
  "1016": base({
    number: "1016",
    placedAt: "2026-11-17T23:45:33Z",
    status: "shipped",
    platformStatus: "PAID / FULFILLED",
    total: usd("157.04"),
    items: [item("Lakeside Camp Chair", 2, "Charcoal")],
    shipments: [
      ship({
        ...ups("1ZA84R270388014722"),
        status: "attempted_delivery",
        shippedAt: "2026-11-18T17:00:17Z",
        estimatedDeliveryAt: "2026-11-23T17:00:00Z",
        items: [item("Lakeside Camp Chair", 2)],
        lastEvent: {
          at: "2026-11-21T19:37:00Z",
          status: "attempted_delivery",
          message:
            "The receiver was not available for delivery. We'll make a second attempt the next business day.",
          location: "Philadelphia, PA",
        },
      }),
    ],
    contact: contact("Liam O'Connor", "liam.oconnor@example.net", "+12155550172"),
  }),
};

// ---------------------------------------------------------------------------------------------
// WooCommerce: Demo Woo Garden (EUR, Europe/Berlin). Woo has no delivery state.
// ---------------------------------------------------------------------------------------------

function woo(
  p: Partial<NormalizedOrder> & Pick<NormalizedOrder, "number" | "placedAt" | "status" | "total">,
): NormalizedOrder {
  return base({
    id: p.number,
    statusPageUrl: `http://demo-woo.localhost/my-account/view-order/${p.number}/`,
    shippingCountry: "DE",
    customerLocale: null,
    ...p,
  });
}

const wooShip = (
  provider: string,
  code: string,
  n: string,
  day: string,
  url: string | null,
  extra: Partial<Shipment> = {},
): Shipment =>
  ship({
    carrier: provider,
    carrierCode: code,
    trackingNumber: n,
    trackingUrl: url,
    status: "in_transit",
    shippedAt: `${day}T00:00:00Z`,
    ...extra,
  });

/** A DHL Paket parcel (the German DHL tracking link), shipped on `day`. */
const dhlPaket = (n: string, day: string, extra: Partial<Shipment> = {}): Shipment =>
  wooShip("DHL Paket", "dhl_paket", n, day, DHL_DE_URL(n), extra);

export const wooOrders: Record<string, NormalizedOrder> = {
  "2001": woo({
    number: "2001",
    placedAt: "2026-11-22T18:05:41Z",
    status: "processing",
    platformStatus: "processing",
    total: eur("49.82"),
    paymentMethod: "PayPal",
    items: [
      item("Japanese Pruning Shears"),
      item("Heirloom Tomato Seeds 'Ochsenherz'", 2),
      item("Organic Basil Seeds 'Genovese'"),
    ],
    contact: lena(),
  }),
  "2002": woo({
    number: "2002",
    placedAt: "2026-11-19T07:47:10Z",
    status: "shipped",
    platformStatus: "completed",
    total: eur("99.70"),
    items: [
      item("Ash Handle Digging Spade"),
      item("Leather Gardening Gloves - L", 1, "L"),
      item("Garden Kneeler Pad"),
    ],
    shipments: [
      wooShip(
        "UPS",
        "ups",
        "1ZE2W6491144172082",
        "2026-11-20",
        "https://wwwapps.ups.com/WebTracking?sort_by=status&tracknums_displayed=1&TypeOfInquiryNumber=T&loc=de_DE&InquiryNumber1=1ZE2W6491144172082",
      ),
    ],
    customerNotes: [
      {
        at: "2026-11-20T14:12:40Z",
        text: "Your parcel is on its way with UPS (tracking number 1ZE2W6491144172082). UPS expects to deliver it on Tuesday, 24 November.",
      },
    ],
    contact: contact("Tobias Wagner", "Tobias.Wagner@Example.NET", "+49895550148"),
  }),
  "2003": woo({
    number: "2003",
    placedAt: "2026-11-06T19:31:55Z",
    status: "shipped",
    platformStatus: "completed",
    total: eur("85.50"),
    items: [
      item("Spring Bulb Collection (Tulips & Daffodils)", 2),
      item("Stainless Steel Hand Trowel"),
      item("Garlic Bulbs 'Thermidrome' 250 g", 2),
    ],
    shipments: [dhlPaket("00340434161094052181", "2026-11-09", { status: "unknown" })],
    contact: contact("Katrin Hoffmann", "katrin.hoffmann@example.com", "+492215550127", "7"),
  }),
  "2004": woo({
    number: "2004",
    placedAt: "2026-11-14T12:22:08Z",
    status: "partially_shipped",
    platformStatus: "processing",
    total: eur("192.70"),
    paymentMethod: "PayPal",
    items: [
      item("Compost Bin 300 l"),
      item("Telescopic Hedge Shears"),
      item("Hori-Hori Garden Knife", 1, null, { backordered: true, unshippedQuantity: 1 }),
      item("Wildflower Meadow Seed Mix - 500 g", 1, "500 g"),
    ],
    shipments: [
      wooShip(
        "DPD",
        "dpd",
        "01505034712389",
        "2026-11-17",
        "https://tracking.dpd.de/parcelstatus?query=01505034712389&locale=en_DE",
      ),
      dhlPaket("00340434161094058770", "2026-11-18"),
    ],
    customerNotes: [
      {
        at: "2026-11-17T15:05:12Z",
        text: "Part of your order has shipped: the Compost Bin 300 l is on its way with DPD (parcel 01505034712389). It ships directly from our supplier's warehouse, so it travels separately.",
      },
      {
        at: "2026-11-18T13:40:27Z",
        text: "Second parcel shipped with DHL (tracking number 00340434161094058770): Telescopic Hedge Shears and Wildflower Meadow Seed Mix - 500 g. The Hori-Hori Garden Knife is on backorder; we will ship it as soon as it is back in stock, at no extra cost.",
      },
    ],
    contact: contact("Felix Bauer", "felix.bauer@example.net", "+493415550116"),
  }),
  "2005": woo({
    number: "2005",
    placedAt: "2026-11-16T06:58:30Z",
    status: "refunded",
    platformStatus: "refunded",
    total: eur("63.75"),
    paymentMethod: "Credit / Debit Card",
    items: [
      item("Galvanised Watering Can - 10 l", 1, "10 l"),
      item("Wildflower Meadow Seed Mix - 500 g", 1, "500 g"),
    ],
    refunds: [
      {
        createdAt: "2026-11-16T10:40:05Z",
        amount: eur("63.75"),
        note: "Order cancelled at customer's request before dispatch",
        items: [],
      },
    ],
    contact: contact("Sabine Koch", "sabine.koch@example.com", "+497115550185"),
  }),
  "2006": woo({
    number: "2006",
    placedAt: "2026-11-02T17:12:45Z",
    status: "partially_refunded",
    platformStatus: "completed",
    total: eur("58.73"),
    items: [
      item("Terracotta Herb Pot Set (3 pcs)"),
      item("Organic Basil Seeds 'Genovese'", 2),
      item("Stainless Steel Hand Trowel"),
    ],
    shipments: [dhlPaket("00340434161094049020", "2026-11-03")],
    refunds: [
      {
        createdAt: "2026-11-06T08:48:22Z",
        amount: eur("27.90"),
        note: "Terracotta pot set arrived broken (photo received) - refunded, no return needed",
        items: [],
      },
    ],
    contact: lena(),
  }),
  "2007": woo({
    number: "2007",
    placedAt: "2026-11-23T08:12:36Z",
    status: "pending_payment",
    platformStatus: "pending",
    total: eur("59.85"),
    outstanding: eur("59.85"),
    paymentMethod: "PayPal",
    paymentUrl:
      "http://demo-woo.localhost/checkout/order-pay/2007/?pay_for_order=true&key=wc_order_zPogX3RxEjSeq",
    items: [item("Telescopic Hedge Shears")],
    contact: contact("Anna Becker", "anna.becker@example.net", "+49695550152"),
  }),
  "2008": woo({
    number: "2008",
    placedAt: "2026-11-21T16:44:19Z",
    status: "on_hold",
    platformStatus: "on-hold",
    total: eur("65.74"),
    paymentMethod: "Direct bank transfer",
    items: [
      item("Galvanised Watering Can - 5 l", 1, "5 l"),
      item("Leather Gardening Gloves - M", 1, "M"),
      item("Organic Basil Seeds 'Genovese'"),
    ],
    customerNotes: [
      {
        at: "2026-11-23T07:30:44Z",
        text: "Friendly reminder: we haven't received your bank transfer yet. Please transfer the order total to IBAN DE89 3704 0044 0532 0130 00 (Demo Woo Garden) with reference 2008. We'll ship as soon as the payment arrives; unpaid orders are cancelled after 7 days.",
      },
    ],
    contact: contact("Jonas Richter", "jonas.richter@example.com", "+493515550139"),
  }),
  "2009": woo({
    number: "2009",
    placedAt: "2026-11-22T20:03:57Z",
    status: "failed",
    platformStatus: "failed",
    total: eur("89.80"),
    paymentMethod: "Credit / Debit Card",
    paymentUrl:
      "http://demo-woo.localhost/checkout/order-pay/2009/?pay_for_order=true&key=wc_order_47G6XrsWLuhX2",
    items: [item("Japanese Pruning Shears"), item("Telescopic Hedge Shears")],
    contact: contact("Paul Neumann", "paul.neumann@example.net", "+492115550171"),
  }),
  "2010": woo({
    number: "2010",
    placedAt: "2026-11-19T10:18:26Z",
    status: "ready_for_pickup",
    platformStatus: "completed",
    total: eur("187.70"),
    deliveryMethod: "pickup",
    pickup: {
      locationName: "Demo Woo Garden",
      address: "Kastanienallee 12, 10435 Berlin",
      instructions: null,
    },
    items: [item("Raised Bed Kit Larch 120 x 80 cm"), item("Organic Potting Soil 40 l", 3)],
    customerNotes: [
      {
        at: "2026-11-20T15:31:02Z",
        text: "Good news - your order is ready for pickup at our shop: Demo Woo Garden, Kastanienallee 12, 10435 Berlin (Mon-Sat 10:00-18:00). Please bring your order number #2010. We'll keep it for you until Friday, 27 November.",
      },
    ],
    contact: contact("Claudia Schulz", "claudia.schulz@example.com", "+49305550164", "9"),
  }),
  "2011": woo({
    number: "2011",
    placedAt: "2026-11-17T15:40:03Z",
    status: "shipped",
    platformStatus: "completed",
    total: eur("96.87"),
    shippingCountry: "CH",
    items: [
      item("Stainless Steel Hand Trowel"),
      item("Japanese Pruning Shears"),
      item("Leather Gardening Gloves - M", 1, "M"),
    ],
    shipments: [
      wooShip(
        "DHL Express",
        "dhl_express",
        "5720461935",
        "2026-11-18",
        "https://www.dhl.com/content/g0/en/express/tracking.shtml?brand=DHL&AWB=5720461935",
      ),
    ],
    customerNotes: [
      {
        at: "2026-11-18T13:07:30Z",
        text: "Your parcel left our warehouse today with DHL Express (waybill 5720461935). Delivery to Switzerland usually takes 2-4 business days. Swiss import VAT and any customs fees are collected by DHL on delivery.",
      },
    ],
    contact: contact("Zoë Brändli", "zoe.braendli@example.net", "+41445550123"),
  }),
  "2012": woo({
    number: "2012",
    placedAt: "2026-11-12T18:20:44Z",
    status: "shipped",
    platformStatus: "completed",
    total: eur("62.52"),
    shippingCountry: "NL",
    items: [
      item("Wildflower Meadow Seed Mix - 100 g", 2, "100 g"),
      item("Spring Bulb Collection (Tulips & Daffodils)"),
      item("Garden Kneeler Pad"),
    ],
    shipments: [
      wooShip(
        "Deutsche Post",
        "deutsche_post",
        "LX304182752DE",
        "2026-11-13",
        "https://www.deutschepost.de/de/s/sendungsverfolgung/verfolgen.html?piececode=LX304182752DE",
        { trackingUrlInferred: true },
      ),
    ],
    contact: contact("Daan de Vries", "daan.devries@example.com", "+31205550137"),
  }),
  "2013": woo({
    number: "2013",
    placedAt: "2026-07-26T08:14:27Z",
    status: "shipped",
    platformStatus: "completed",
    total: eur("69.75"),
    paymentMethod: "PayPal",
    items: [item("Galvanised Watering Can - 10 l", 1, "10 l"), item("Leather Gardening Gloves - M", 1, "M")],
    shipments: [dhlPaket("00340434161093821467", "2026-07-27")],
    contact: lena(),
  }),
  "2014": woo({
    number: "2014",
    placedAt: "2026-11-18T17:02:11Z",
    status: "shipped",
    platformStatus: "completed",
    total: eur("457.48"),
    discountCodes: ["herbst10"],
    paymentMethod: "PayPal",
    items: [
      item("Raised Bed Kit Larch 120 x 80 cm"),
      item("Compost Bin 300 l"),
      item("Galvanised Watering Can - 10 l", 1, "10 l"),
      item("Leather Gardening Gloves - L", 2, "L"),
      item("Japanese Pruning Shears"),
      item("Telescopic Hedge Shears"),
      item("Spring Bulb Collection (Tulips & Daffodils)", 2),
      item("Wildflower Meadow Seed Mix - 500 g", 1, "500 g"),
    ],
    shipments: [
      dhlPaket("00340434161094061138", "2026-11-19"),
      dhlPaket("00340434161094061145", "2026-11-19"),
    ],
    contact: contact("Maximilian Groß", "max.gross@example.com", "+493315550108", "12"),
  }),
};
