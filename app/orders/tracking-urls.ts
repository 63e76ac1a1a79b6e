/** Public tracking pages per carrier (docs/decisions/0010-carrier-detection.md). Pure, no I/O. */
import { normalizeTrackingNumber, type CarrierCode } from "./carriers";

function lang2(locale?: string): string {
  return (locale ?? "en").slice(0, 2).toLowerCase();
}

/** Public tracking page for a carrier and number. The number is URL-encoded. */
export function trackingUrlFor(code: CarrierCode, trackingNumber: string, locale?: string): string {
  const n = encodeURIComponent(normalizeTrackingNumber(trackingNumber));
  const l = lang2(locale);
  switch (code) {
    case "ups":
      return `https://www.ups.com/track?tracknum=${n}`;
    case "usps":
      return `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`;
    case "fedex":
      return `https://www.fedex.com/fedextrack/?trknbr=${n}`;
    case "dhl_express":
      return `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}`;
    case "dhl_ecommerce":
      return `https://www.dhl.com/global-en/home/tracking/tracking-ecommerce.html?submit=1&tracking-id=${n}`;
    case "dhl_paket":
      return `https://www.dhl.de/${l === "de" ? "de" : "en"}/privatkunden/pakete-empfangen/verfolgen.html?piececode=${n}`;
    case "royal_mail":
      return `https://www.royalmail.com/track-your-item#/tracking-results/${n}`;
    case "canada_post":
      return `https://www.canadapost-postescanada.ca/track-reperage/${l === "fr" ? "fr" : "en"}#/search?searchFor=${n}`;
    case "australia_post":
      return `https://auspost.com.au/mypost/track/details/${n}`;
    case "postnl":
      return `https://jouw.postnl.nl/track-and-trace/${n}`;
    case "dpd":
      return `https://tracking.dpd.de/status/${l === "de" ? "de_DE" : "en_DE"}/parcel/${n}`;
    case "gls":
      return `https://gls-group.com/GROUP/en/parcel-tracking?match=${n}`;
    case "colissimo":
      return `https://www.laposte.fr/outils/suivre-vos-envois?code=${n}`;
    case "correos":
      return `https://www.correos.es/es/${l === "es" ? "es" : "en"}/herramientas/localizador/envios/detalle?tracking-number=${n}`;
    case "deutsche_post":
      return `https://www.deutschepost.de/de/s/sendungsverfolgung/verfolgen.html?piececode=${n}`;
    case "evri":
      return `https://www.evri.com/track/parcel/${n}/details`;
    case "japan_post":
      return `https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=${n}&locale=${l === "ja" ? "ja" : "en"}`;
    case "india_post":
      // India Post has no per-number deep link; the consignment tracking page.
      return `https://www.indiapost.gov.in/_layouts/15/dop.portal.tracking/trackconsignment.aspx?consignment=${n}`;
  }
}
