// Facet counts: which facets a user asked for, and exact counts of their
// values over the whole match set.
#ifndef NEWSDEX_SEARCHER_FACETS_H_
#define NEWSDEX_SEARCHER_FACETS_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsdex {

enum class DateGranularity { kYear, kMonth, kDay };

struct FacetRequest {
  std::string field;  // "source", "date", "actor"
  DateGranularity granularity = DateGranularity::kDay;  // for "date"
  bool operator==(const FacetRequest&) const = default;
};

// Parses a facet list such as "source,date:month". Returns an error
// message naming the bad item and the allowed values, or nullopt.
std::optional<std::string> parse_facet_list(std::string_view list,
                                            std::vector<FacetRequest>& out);

// What a bare --facets (and "facets": true in a batch line) asks for:
// source, date by month and actor, the three facets every article has.
std::vector<FacetRequest> default_facets();

// A facet list as parse_facet_list() reads it: "source,date:month,actor".
std::string facet_list_text(const std::vector<FacetRequest>& facets);

struct FacetValue {
  std::string value;
  std::size_t count = 0;
  std::string type;  // "person" or "org" for actors, else ""
};

// Reads one value slot of the documents a match spy sees. With a single
// local database it walks the slot's value stream forwards (Xapian's
// matcher visits matches in document id order), which costs far less than
// Document::get_value's lookup per document; otherwise, or when the ids go
// backwards, it asks the document.
class SlotReader {
 public:
  // `db` may be null: then every value comes from the document.
  SlotReader(const Xapian::Database* db, Xapian::valueno slot);
  std::string operator()(const Xapian::Document& doc);

 private:
  Xapian::valueno slot_;
  std::optional<Xapian::Database> db_;
  Xapian::ValueIterator it_;
  Xapian::docid last_ = 0;
};

// The facet values of every document of a single local database, held in
// memory as small numbers: counting a match is then an array increment
// instead of a value read. Loading reads the source, date and actor value
// streams once; a searcher loads it when the matches it has counted add
// up to the database's size, so it never costs more than twice what
// counting without it would.
class FacetTable {
 public:
  explicit FacetTable(const Xapian::Database& db);
  static constexpr std::uint32_t kNone = 0xffffffff;

  // Per slot (source, date): the distinct values, and each document's.
  struct Column {
    std::vector<std::string> values;
    std::vector<std::uint32_t> of_doc;  // by docid; kNone without a value
  };
  const Column* column(Xapian::valueno slot) const;
  // Actors: names with their types, and each document's list.
  std::vector<std::pair<std::string, std::string>> actors;
  std::vector<std::uint32_t> actor_begin;  // by docid, one past the end too
  std::vector<std::uint32_t> actor_ids;
  // Spellings of one name (actor_variant_key, same type) share a group:
  // the id of the group's first actor; `actor_variants` when any group has
  // two or more.
  std::vector<std::uint32_t> actor_group;
  bool actor_variants = false;

 private:
  Column source_, date_;
};

// Counts the values of one single-valued slot (source, date) over the
// matches, as Xapian's ValueCountMatchSpy does, reading them with a
// SlotReader or, when given, from a FacetTable.
class ValueCountSpy : public Xapian::MatchSpy {
 public:
  ValueCountSpy(const Xapian::Database* db, Xapian::valueno slot,
                const FacetTable* table = nullptr);
  void operator()(const Xapian::Document& doc, double weight) override;
  // Value and count, in value order.
  std::vector<std::pair<std::string, std::size_t>> values() const;

 private:
  SlotReader read_;
  std::unordered_map<std::string, std::size_t> counts_;
  const FacetTable::Column* column_ = nullptr;
  std::vector<std::size_t> column_counts_;
};

// Counts a multi-valued facet (the actors of each article): every article
// counts once per actor it names. Also counts the articles with none.
class ActorCountSpy : public Xapian::MatchSpy {
 public:
  // `db` as for SlotReader; with `table`, counts from it instead.
  explicit ActorCountSpy(const Xapian::Database* db = nullptr,
                         const FacetTable* table = nullptr);
  void operator()(const Xapian::Document& doc, double weight) override;
  // The counts, in no particular order.
  std::vector<FacetValue> values() const;
  // The `size` largest (all when 0) as keep_largest() orders them, adding
  // the counts of the rest to `other`; copies only the names it returns.
  std::vector<FacetValue> largest(std::size_t size, std::size_t& other) const;
  std::size_t articles_with_actors() const { return with_actors_; }

 private:
  // Looked up by string_view, so counting allocates only for new names.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  struct Count {
    std::size_t count = 0;
    std::string type;
  };
  SlotReader read_;
  std::unordered_map<std::string, Count, NameHash, std::equal_to<>> counts_;
  std::size_t with_actors_ = 0;
  const FacetTable* table_ = nullptr;
  std::vector<std::size_t> table_counts_;
};

// Sorts `values` by count, most first, equal counts by value; keeps the
// `size` first (all when 0) and adds the counts of the rest to `other`.
void keep_largest(std::vector<FacetValue>& values, std::size_t size,
                  std::size_t& other);

// One facet's counts. `values` holds at most the requested number of
// values; `other` counts the documents whose value was left out, and
// `missing` those without a value ("unknown" dates). For a single-valued
// facet, the counts, other and missing add up to the total.
struct FacetResult {
  std::string field;
  std::string granularity;  // "day", "month", "year"; "" for non-dates
  std::vector<FacetValue> values;
  std::size_t other = 0;
  std::size_t missing = 0;
};

// Counts facet values while Xapian matches. Register before get_mset(),
// which must be called with check_at_least >= the database's document
// count for exact counts; then call results().
class FacetCounter {
 public:
  // `actor_slots` > 0 counts actors with Xapian's own ValueCountMatchSpy,
  // one per actor slot (schema::kActorSlotBase ...), instead of
  // ActorCountSpy: the same counts, and it also runs on remote shards,
  // where only Xapian's built-in match spies can.
  // Otherwise `db`, when not null and a single local database, lets the
  // spies read value streams (see SlotReader); it must outlive the counter.
  explicit FacetCounter(std::vector<FacetRequest> requests,
                        Xapian::valueno actor_slots = 0,
                        const Xapian::Database* db = nullptr,
                        const FacetTable* table = nullptr);
  void register_with(Xapian::Enquire& enquire);
  // `total` is the exact number of matches; `size` the values to keep per
  // facet (0 for all).
  std::vector<FacetResult> results(std::size_t total, std::size_t size) const;

 private:
  std::vector<FacetRequest> requests_;
  // One per request: a ValueCountMatchSpy (with actor_slots) or a
  // ValueCountSpy for single-valued facets, an ActorCountSpy for actors.
  std::vector<std::unique_ptr<Xapian::MatchSpy>> spies_;
  // The values and counts of request i's single-valued spy, in value order.
  std::vector<std::pair<std::string, std::size_t>> slot_values(
      std::size_t i) const;
  // With actor_slots: one spy per actor slot, shared by actor requests.
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> actor_slot_spies_;
  // With an author request: one spy per author slot
  // (schema::kAuthorSlotBase ...); an article counts once per author.
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> author_slot_spies_;
  FacetResult author_result(std::size_t total, std::size_t size) const;
};

// The number of actor slots (schema::kActorSlotBase ...) any document of
// `db` uses.
Xapian::valueno actor_slots_used(const Xapian::Database& db);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_FACETS_H_
