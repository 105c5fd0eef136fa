import type { Review, ReviewData } from './reviews.js';

/**
 * schema.org types for which Google shows review snippets, with their common
 * subtypes. See https://developers.google.com/search/docs/appearance/structured-data/review-snippet
 */
const eligibleTypes = new Set(
  ('Book Audiobook Course CreativeWorkSeason TVSeason RadioSeason PodcastSeason CreativeWorkSeries BookSeries ' +
    'MovieSeries Periodical PodcastSeries RadioSeries TVSeries VideoGameSeries Episode TVEpisode RadioEpisode ' +
    'PodcastEpisode Event BusinessEvent ChildrensEvent ComedyEvent CourseInstance DanceEvent EducationEvent ' +
    'ExhibitionEvent Festival FoodEvent Hackathon LiteraryEvent MusicEvent SaleEvent ScreeningEvent SocialEvent ' +
    'SportsEvent TheaterEvent VisualArtsEvent Game VideoGame HowTo Recipe MediaObject AudioObject ImageObject ' +
    'VideoObject Movie MusicPlaylist MusicAlbum MusicRecording Product IndividualProduct ProductModel ProductGroup ' +
    'Vehicle Car SoftwareApplication MobileApplication WebApplication').split(' '),
);

/**
 * Organizations and businesses: eligible only when the reviews are of someone
 * else. Google ignores "self-serving" reviews a business shows of itself (2019).
 */
const organizationTypes = new Set(
  ('Organization Corporation NGO EducationalOrganization School CollegeOrUniversity MusicGroup PerformingGroup ' +
    'SportsTeam Airline LocalBusiness FoodEstablishment Restaurant CafeOrCoffeeShop BarOrPub Bakery Brewery ' +
    'Winery FastFoodRestaurant LodgingBusiness Hotel BedAndBreakfast Hostel Campground Store BookStore ' +
    'ClothingStore ElectronicsStore GroceryStore AutomotiveBusiness AutoRepair MedicalBusiness Dentist ' +
    'HealthAndBeautyBusiness BeautySalon HairSalon DaySpa SportsActivityLocation ExerciseGym ' +
    'HomeAndConstructionBusiness Plumber Electrician ProfessionalService LegalService Attorney FinancialService ' +
    'RealEstateAgent TravelAgency EntertainmentBusiness ChildCare AnimalShelter Library TouristInformationCenter').split(
    ' ',
  ),
);

/**
 * Whether structured data is written for `type`, and what to tell the site.
 * The contract writes JSON-LD for every type, so a search engine that reads the
 * type sees the rating; but Google shows review snippets only for some types
 * (warned), and penalises "self-serving" reviews a business shows of itself,
 * so organizations and businesses get none unless `independent` says the
 * reviews are of someone else.
 */
export function structuredDataAdvice(type: string, independent: boolean): { write: boolean; warning?: string } {
  if (eligibleTypes.has(type)) return { write: true };
  if (organizationTypes.has(type)) {
    return independent
      ? { write: true }
      : {
          write: false,
          warning: `item-type "${type}": no structured data, since Google ignores reviews a business shows of itself; add the "independent" attribute if these reviews are of someone else`,
        };
  }
  return {
    write: true,
    warning: `item-type "${type}" gets no review snippets from Google; for stars in search results use Book, Product, Recipe, Course, Event, Movie, SoftwareApplication… (see the README)`,
  };
}

/** The schema.org JSON-LD for an item, its aggregate and the reviews on show. */
export function reviewJsonLd(type: string, name: string, data: ReviewData, shown: Review[], anonymous: string): string {
  const rating = (value: number) => ({ ratingValue: value, bestRating: 5, worstRating: 1 });
  const json = {
    '@context': 'https://schema.org',
    '@type': type,
    name,
    aggregateRating: { '@type': 'AggregateRating', ...rating(Math.round(data.average * 10) / 10), reviewCount: data.count },
    review: shown.length
      ? shown.map((review) => ({
          '@type': 'Review',
          reviewRating: { '@type': 'Rating', ...rating(review.rating) },
          author: { '@type': 'Person', name: review.author ?? anonymous },
          datePublished: new Date(review.ts).toISOString().slice(0, 10),
          reviewBody: review.text,
        }))
      : undefined,
  };
  // `<` escaped, so that no text can close the script element (`</script>`), even in serialized HTML.
  return JSON.stringify(json).replace(/</g, '\\u003c');
}

/** One script per item, shared by every element showing that item; the fullest description wins. */
/** The part of the Trusted Types API used here (not in TypeScript's DOM library, which types a TrustedScript as the string it stands for). */
interface ScriptPolicy {
  createScript(text: string): string;
}
interface TrustedTypes {
  createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy;
}

let policy: ScriptPolicy | undefined | null;

/**
 * `json` as a script's text. Under `require-trusted-types-for 'script'` a script's
 * text must be a TrustedScript, even for a data block, so it comes from the
 * `wom-json-ld` policy, which lets through JSON only (sites with a `trusted-types`
 * allowlist name it). Where the policy cannot be made, the plain string: the browser
 * then decides.
 */
function scriptText(json: string): string {
  if (policy === undefined) {
    try {
      const factory = (window as { trustedTypes?: TrustedTypes }).trustedTypes;
      policy = factory?.createPolicy('wom-json-ld', { createScript: (text) => (JSON.parse(text), text) }) ?? null;
    } catch {
      policy = null; // the site's allowlist leaves it out
    }
  }
  return policy ? policy.createScript(json) : json;
}

const scripts = new Map<string, { script: HTMLScriptElement; owners: Map<object, string> }>();

/**
 * Writes (or, with `json` undefined, withdraws) `owner`'s structured data for
 * `item` into one `<script type="application/ld+json">` in the document head.
 * The script goes when its last owner withdraws.
 */
export function writeJsonLd(owner: object, item: string, json: string | undefined): void {
  let entry = scripts.get(item);
  if (json === undefined) {
    entry?.owners.delete(owner);
  } else {
    if (!entry) {
      const script = document.createElement('script');
      script.type = 'application/ld+json';
      script.dataset.womReview = item;
      scripts.set(item, (entry = { script, owners: new Map() }));
    }
    entry.owners.set(owner, json);
  }
  if (!entry) return;
  if (!entry.owners.size) {
    entry.script.remove();
    scripts.delete(item);
    return;
  }
  const fullest = [...entry.owners.values()].reduce((a, b) => (b.length > a.length ? b : a));
  if (entry.script.textContent !== fullest) entry.script.text = scriptText(fullest);
  if (!entry.script.isConnected) document.head.append(entry.script);
}
