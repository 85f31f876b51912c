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

#include "common/fields.h"

namespace newsdex {

enum class DateGranularity { kYear, kMonth, kDay };

struct FacetRequest {
  FacetRequest() = default;
  FacetRequest(std::string field_name,
               DateGranularity date_granularity = DateGranularity::kDay,
               bool granularity_given = false)
      : field(std::move(field_name)),
        granularity(date_granularity),
        granular(granularity_given) {}
  std::string field;  // "source", "date", "actor", a declared field
  DateGranularity granularity = DateGranularity::kDay;  // for date fields
  bool granular = false;  // a granularity was given ("date:month")
  // A cross-tabulation ("source/date:month"): every pair of this field's
  // and `by`'s values is counted; "" for a one-way facet.
  std::string by;
  DateGranularity by_granularity = DateGranularity::kDay;
  bool by_granular = false;
  bool operator==(const FacetRequest&) const = default;
};

// Parses a facet list such as "source,date:month,source/date:year".
// Returns an error message naming the bad item, or nullopt. Names are
// only checked to be field names here; which fields a database has is
// checked by check_facets().
std::optional<std::string> parse_facet_list(std::string_view list,
                                            std::vector<FacetRequest>& out);

// Checks that every field `facets` names is a facet of `fields`, and that
// only date fields have a granularity. Returns what is wrong (naming the
// facets the database has), or nullopt.
std::optional<std::string> check_facets(const std::vector<FacetRequest>& facets,
                                        const FieldTable& fields);

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
// A cross-tabulation's counts: counts[r][c] is the number of matching
// articles with row value rows[r] and column value columns[c] (an article
// counts once per pair of its values). "unknown" stands for no value, and
// "(other)" for the values past --facet-size of a field that is not a
// date. row_totals[r] and column_totals[c] count articles (an article
// with two values in the other field counts once), so for a single-valued
// field they are the one-way counts; `total` is the number of matches.
struct CrossTab {
  std::string by;              // the column field
  std::string by_granularity;  // as FacetResult::granularity
  std::vector<std::string> rows, columns;
  std::vector<std::vector<std::size_t>> counts;
  std::vector<std::size_t> row_totals, column_totals;
  std::size_t total = 0;
};

// One-way facets: date fields are histograms, every bucket from the first
// to the last in date order (empty ones with a count of 0) and nothing
// left out; other fields keep the largest `size` values.
struct FacetResult {
  std::string field;
  std::string granularity;  // "day", "month", "year"; "" for non-dates
  std::vector<FacetValue> values;
  std::size_t other = 0;
  std::size_t missing = 0;
  std::optional<CrossTab> cross = std::nullopt;  // with FacetRequest::by
};

// The date keys ("YYYY", "YYYYMM" or "YYYYMMDD", as `granularity`)
// from `first` to `last`, both included, in order.
std::vector<std::string> date_keys_between(const std::string& first,
                                           const std::string& last);

// The values of `field` in `doc` a facet counts: a date field's key cut
// to `granularity` (as ISO text), each value of a multi-valued field once.
// With `actor_types`, the type of each actor value ("person", "org") is
// recorded in it under the actor's name.
std::vector<std::string> facet_values_of(
    const Xapian::Document& doc, const FieldSpec& field,
    DateGranularity granularity,
    std::map<std::string, std::string>* actor_types = nullptr);

// Counts pairs for cross-tabulations over the matches, reading the
// document's values (so it runs on local databases only). An actor axis
// counts the spellings of one name as one value, as the actor facet does
// (merge_actor_variants).
class CrossTabSpy : public Xapian::MatchSpy {
 public:
  CrossTabSpy(FieldSpec rows, DateGranularity row_granularity,
              FieldSpec columns, DateGranularity column_granularity);
  void operator()(const Xapian::Document& doc, double weight) override;
  // `size` limits the values of a field that is not a date (0: all).
  CrossTab result(std::size_t size) const;

 private:
  FieldSpec rows_, columns_;
  DateGranularity row_granularity_, column_granularity_;
  std::map<std::pair<std::string, std::string>, std::size_t> pairs_;
  std::map<std::string, std::size_t> row_totals_, column_totals_;
  std::size_t total_ = 0;
  // The type of each actor name counted (an actor axis only).
  std::map<std::string, std::string> actor_types_;
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
  // `fields` says where each field's values are (the built-in fields
  // when null); the requests must have passed check_facets().
  // `slots_used` (may be null) gives the slots in use (slots_in_use()) of
  // multi-valued fields but actors, so that only those are counted; a
  // field not in it is counted over all its slots.
  explicit FacetCounter(
      std::vector<FacetRequest> requests, Xapian::valueno actor_slots = 0,
      const Xapian::Database* db = nullptr, const FacetTable* table = nullptr,
      const FieldTable* fields = nullptr,
      const std::map<std::string, Xapian::valueno>* slots_used = nullptr);
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
  // Per multi-valued field but actors (author, declared keywords): one spy
  // per slot; an article counts once per value.
  std::map<std::string,
           std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>>
      multi_slot_spies_;
  FacetResult multi_result(const std::string& field, std::size_t total,
                           std::size_t size) const;
  FieldTable fields_;
};

// The number of slots of the multi-valued `field` (its value_slot(0),
// value_slot(1), ...) any document of `db` uses: values fill an article's
// slots from the first, so the first slot no document uses ends them.
Xapian::valueno slots_in_use(const Xapian::Database& db,
                             const FieldSpec& field);

// The number of actor slots (schema::kActorSlotBase ...) any document of
// `db` uses.
Xapian::valueno actor_slots_used(const Xapian::Database& db);

}  // namespace newsdex

#endif  // NEWSDEX_SEARCHER_FACETS_H_
