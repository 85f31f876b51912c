// The one table of term prefixes, value slots and database metadata keys.
//
// Both newsdex-index and newsdex-search include this file; no prefix or slot
// literal may appear anywhere else. Changing a prefix or slot changes the
// on-disk format: bump kSchemaVersion when you do.
#ifndef NEWSDEX_COMMON_SCHEMA_H_
#define NEWSDEX_COMMON_SCHEMA_H_

#include <xapian.h>

#include <string_view>

namespace newsdex::schema {

// Version of the database layout; stored in the database metadata.
// 4: authors past the 8th and declared keywords past the 32nd in spill
// slots (every record is re-indexed once, its signature having changed).
inline constexpr std::string_view kSchemaVersion = "4";

// Term prefixes (Xapian/Omega conventions where they exist).
inline constexpr std::string_view kIdPrefix = "Q";  // unique document id
// Stemmed words (Xapian's convention, as TermGenerator's STEM_ALL_Z
// writes them): "Z" then the stem, with the field's prefix between ("ZS").
inline constexpr char kStemPrefix = 'Z';
inline constexpr std::string_view kTitlePrefix = "S";    // title words
inline constexpr std::string_view kSourcePrefix = "XS";  // source key
inline constexpr std::string_view kYearPrefix = "Y";     // YYYY
inline constexpr std::string_view kMonthPrefix = "M";    // YYYYMM
inline constexpr std::string_view kDayPrefix = "D";      // YYYYMMDD
// Near-duplicate detection (indexer/duplicate_fingerprint.h):
inline constexpr std::string_view kExactTextPrefix = "XE";       // words hash
inline constexpr std::string_view kSimhashBandPrefix = "XB";     // band:bits
inline constexpr std::string_view kDuplicateGroupPrefix = "XG";  // group key
inline constexpr std::string_view kActorPrefix = "XA";   // actor_key(name)
inline constexpr std::string_view kAuthorPrefix = "XU";  // actor_key(name)

// Value slots.
// kSourceSlot: the source's display name (facet counts).
// kDateSlot: YYYY, YYYYMM or YYYYMMDD as far as the date is known; sorts
//   as a string, so range filters and sorting work on it directly.
// kSignatureSlot: hash of everything indexed for the record, so a re-run
//   can tell an unchanged record from a changed one.
inline constexpr Xapian::valueno kSourceSlot = 0;
inline constexpr Xapian::valueno kDateSlot = 1;
inline constexpr Xapian::valueno kSignatureSlot = 2;
// kSimhashSlot: the body's 64-bit SimHash as 16 hex digits.
// kDuplicateGroupSlot: the near-duplicate group key (the collapse key).
inline constexpr Xapian::valueno kSimhashSlot = 3;
inline constexpr Xapian::valueno kDuplicateGroupSlot = 4;
// kActorsSlot: the article's actors, "name<US>type<RS>" each (US = \x1f,
// RS = \x1e), for multi-valued facet counts.
inline constexpr Xapian::valueno kActorsSlot = 5;
inline constexpr char kActorUnitSeparator = '\x1f';
inline constexpr char kActorRecordSeparator = '\x1e';
// kSequenceSlot: the article's place in indexing order
// (Xapian::sortable_serialise), kept when the article is updated. Ties in
// relevance are broken by it, so the order of hits does not depend on how
// the database is laid out (one database, merged shards or a stub of
// shards, whose document ids differ).
inline constexpr Xapian::valueno kSequenceSlot = 6;
// kActorSlotBase + i: the article's i-th actor, "name<US>type", one per
// slot, so Xapian's own ValueCountMatchSpy can count actors where custom
// match spies cannot run (remote shards served by xapian-tcpsrv).
inline constexpr Xapian::valueno kActorSlotBase = 16;
// kAuthorSlotBase + i: the article's i-th author (display name), for the
// multi-valued author facet, counted like actors; the first kAuthorSlots
// there (the actors' slots follow), the rest from kAuthorSpillSlotBase.
// An article's authors past kMaxAuthorValues are filtered by (terms) but
// not counted. A facet counts only the slots some article uses, so the
// cap costs nothing where articles have few authors.
inline constexpr Xapian::valueno kAuthorSlotBase = 8;
inline constexpr Xapian::valueno kAuthorSlots = 8;
inline constexpr Xapian::valueno kAuthorSpillSlotBase = 20000;
inline constexpr Xapian::valueno kMaxAuthorValues = 1024;
// kDeclaredSlotBase + kDeclaredSlotStride * i (common/fields.h): the
// values of the i-th field the user declared (newsdex-index --field), one
// per slot, far above the actor slots (one per actor of an article); a
// keywords field's values past the first kDeclaredSlotStride from
// kDeclaredSpillSlotBase + kMaxDeclaredValues * i.
inline constexpr Xapian::valueno kDeclaredSlotBase = 10000;
inline constexpr Xapian::valueno kDeclaredSpillSlotBase = 100000;
// Declared fields' terms: kDeclaredPrefix, the name in capitals, ':'.
inline constexpr std::string_view kDeclaredPrefix = "XF";
// Longer author keys (not a name) are stored but not made terms (Xapian
// terms hold at most 245 bytes).
inline constexpr std::size_t kMaxAuthorKeyBytes = 200;

// Query-language field names.
inline constexpr std::string_view kTitleField = "title";
inline constexpr std::string_view kSourceField = "source";
inline constexpr std::string_view kDateField = "date";

// Database metadata keys.
inline constexpr std::string_view kSchemaKey = "newsdex.schema";
inline constexpr std::string_view kLanguageKey = "newsdex.language";
inline constexpr std::string_view kUpdatedKey = "newsdex.updated";
// The user's own source tables (newsdex-index --sources), as TSV text, so
// the searcher resolves names the same way the indexer did.
inline constexpr std::string_view kSourcesKey = "newsdex.sources";
// The user's own actor tables (newsdex-index --actors), as TSV text.
inline constexpr std::string_view kActorsKey = "newsdex.actors";
// The user's synonym files (newsdex-index --synonyms), as their text; the
// searcher adds them to any given with the search.
inline constexpr std::string_view kSynonymsKey = "newsdex.synonyms";
inline constexpr std::string_view kActorField = "actor";
inline constexpr std::string_view kAuthorField = "author";
// The fields declared with newsdex-index --field ("name\tkind\n" each,
// in declaration order; common/fields.h).
inline constexpr std::string_view kFieldsKey = "newsdex.fields";
inline constexpr std::string_view kIdField = "id";
// The sequence number the next new article gets (decimal).
inline constexpr std::string_view kNextSequenceKey = "newsdex.next_sequence";
// "sequence" when document ids follow kSequenceSlot's order (a database
// built by one writer), so relevance ties need no sort by that value.
inline constexpr std::string_view kDocidOrderKey = "newsdex.docid_order";

// Ranking: each title word counts this many times in the free-text field,
// so BM25 weighs a title match above a body match.
inline constexpr Xapian::termcount kTitleWdfBoost = 3;
// Gap in term positions between title and body, so phrases never span them.
inline constexpr Xapian::termpos kTitleBodyGap = 100;

// The language used when the user gives none; "none" disables stemming.
inline constexpr std::string_view kDefaultLanguage = "english";
inline constexpr std::string_view kNoLanguage = "none";

}  // namespace newsdex::schema

#endif  // NEWSDEX_COMMON_SCHEMA_H_
