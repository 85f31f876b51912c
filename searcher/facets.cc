// Facets on match spies: one spy per value slot; date
// histograms are folded from day keys to months or years.
#include "searcher/facets.h"

#include <algorithm>
#include <map>

#include "common/actors.h"
#include "common/date_parse.h"
#include "common/schema.h"
#include "common/text_utf8.h"
#include "searcher/actor_variants.h"

namespace newsdex {
namespace {

const char* granularity_name(DateGranularity g) {
  switch (g) {
    case DateGranularity::kYear:
      return "year";
    case DateGranularity::kMonth:
      return "month";
    default:
      return "day";
  }
}

std::size_t key_length(DateGranularity g) {
  switch (g) {
    case DateGranularity::kYear:
      return 4;
    case DateGranularity::kMonth:
      return 6;
    default:
      return 8;
  }
}

Xapian::valueno slot_for(const FacetRequest& r) {
  return r.field == schema::kDateField ? schema::kDateSlot
                                       : schema::kSourceSlot;
}

}  // namespace

void keep_largest(std::vector<FacetValue>& values, std::size_t size,
                  std::size_t& other) {
  auto larger = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (size == 0 || values.size() <= size) {
    std::sort(values.begin(), values.end(), larger);
    return;
  }
  auto keep = values.begin() + static_cast<std::ptrdiff_t>(size);
  std::partial_sort(values.begin(), keep, values.end(), larger);
  for (auto it = keep; it != values.end(); ++it) other += it->count;
  values.erase(keep, values.end());
}

std::optional<std::string> parse_facet_list(std::string_view list,
                                            std::vector<FacetRequest>& out) {
  out.clear();
  while (!list.empty()) {
    auto comma = list.find(',');
    std::string_view item = trim_space(list.substr(0, comma));
    list = comma == std::string_view::npos ? "" : list.substr(comma + 1);
    if (item.empty()) continue;
    auto colon = item.find(':');
    std::string_view name = item.substr(0, colon);
    std::string_view detail =
        colon == std::string_view::npos ? "" : item.substr(colon + 1);
    FacetRequest r;
    r.field = std::string(name);
    if ((name == schema::kSourceField || name == schema::kActorField ||
         name == schema::kAuthorField) &&
        detail.empty()) {
      // nothing more
    } else if (name == schema::kDateField) {
      if (detail.empty() || detail == "day") {
        r.granularity = DateGranularity::kDay;
      } else if (detail == "month") {
        r.granularity = DateGranularity::kMonth;
      } else if (detail == "year") {
        r.granularity = DateGranularity::kYear;
      } else {
        return "unknown date granularity '" + std::string(detail) +
               "' in --facets; choose day, month or year";
      }
    } else {
      return "unknown facet '" + std::string(item) +
             "' in --facets; choose from source, actor, author, date, "
             "date:day, date:month, date:year";
    }
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  }
  return std::nullopt;
}

std::vector<FacetRequest> default_facets() {
  return {{std::string(schema::kSourceField), DateGranularity::kDay},
          {std::string(schema::kDateField), DateGranularity::kMonth},
          {std::string(schema::kActorField), DateGranularity::kDay}};
}

std::string facet_list_text(const std::vector<FacetRequest>& facets) {
  std::string text;
  for (const FacetRequest& r : facets) {
    if (!text.empty()) text += ',';
    text += r.field;
    if (r.field == schema::kDateField) {
      text += ':';
      text += granularity_name(r.granularity);
    }
  }
  return text;
}

SlotReader::SlotReader(const Xapian::Database* db, Xapian::valueno slot)
    : slot_(slot) {
  if (db != nullptr && db->size() == 1) {
    db_ = *db;
    it_ = db_->valuestream_begin(slot_);
  }
}

std::string SlotReader::operator()(const Xapian::Document& doc) {
  if (!db_) return doc.get_value(slot_);
  Xapian::docid did = doc.get_docid();
  if (did < last_) it_ = db_->valuestream_begin(slot_);  // went backwards
  last_ = did;
  if (it_ == db_->valuestream_end(slot_)) return {};
  if (it_.get_docid() < did) it_.skip_to(did);
  if (it_ == db_->valuestream_end(slot_) || it_.get_docid() != did) return {};
  return *it_;
}

namespace {

// Calls fn(name, type) for each actor of an actors slot value.
template <typename Fn>
void for_each_actor(std::string_view value, Fn fn) {
  while (!value.empty()) {
    std::size_t end = value.find(schema::kActorRecordSeparator);
    std::string_view record = value.substr(0, end);
    value = end == std::string_view::npos ? std::string_view()
                                          : value.substr(end + 1);
    std::size_t unit = record.find(schema::kActorUnitSeparator);
    fn(record.substr(0, unit), unit == std::string_view::npos
                                   ? std::string_view()
                                   : record.substr(unit + 1));
  }
}

void load_column(const Xapian::Database& db, Xapian::valueno slot,
                 FacetTable::Column& column) {
  column.of_doc.assign(db.get_lastdocid() + 1, FacetTable::kNone);
  std::unordered_map<std::string, std::uint32_t> ids;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot);
       ++it) {
    auto [found, added] =
        ids.emplace(*it, static_cast<std::uint32_t>(column.values.size()));
    if (added) column.values.push_back(found->first);
    column.of_doc[it.get_docid()] = found->second;
  }
}

}  // namespace

FacetTable::FacetTable(const Xapian::Database& db) {
  load_column(db, schema::kSourceSlot, source_);
  load_column(db, schema::kDateSlot, date_);
  Xapian::docid last = db.get_lastdocid();
  actor_begin.assign(last + 2, 0);
  std::unordered_map<std::string, std::uint32_t> ids;
  Xapian::docid next = 0;  // documents before it have their lists
  auto close_until = [&](Xapian::docid did) {
    for (; next <= did; ++next) {
      actor_begin[next] = static_cast<std::uint32_t>(actor_ids.size());
    }
  };
  for (auto it = db.valuestream_begin(schema::kActorsSlot);
       it != db.valuestream_end(schema::kActorsSlot); ++it) {
    close_until(it.get_docid());
    for_each_actor(*it, [&](std::string_view name, std::string_view type) {
      auto [found, added] = ids.emplace(
          std::string(name), static_cast<std::uint32_t>(actors.size()));
      if (added) actors.emplace_back(std::string(name), std::string(type));
      actor_ids.push_back(found->second);
    });
  }
  close_until(last + 1);
  std::map<std::pair<std::string, std::string>, std::uint32_t> groups;
  actor_group.reserve(actors.size());
  for (std::uint32_t id = 0; id < actors.size(); ++id) {
    auto [it, added] = groups.try_emplace(
        {actors[id].second, actor_variant_key(actors[id].first)}, id);
    actor_group.push_back(it->second);
    actor_variants = actor_variants || !added;
  }
}

const FacetTable::Column* FacetTable::column(Xapian::valueno slot) const {
  if (slot == schema::kSourceSlot) return &source_;
  if (slot == schema::kDateSlot) return &date_;
  return nullptr;
}

ValueCountSpy::ValueCountSpy(const Xapian::Database* db, Xapian::valueno slot,
                             const FacetTable* table)
    : read_(db, slot), column_(table ? table->column(slot) : nullptr) {
  if (column_) column_counts_.assign(column_->values.size(), 0);
}

void ValueCountSpy::operator()(const Xapian::Document& doc, double) {
  if (column_) {
    Xapian::docid did = doc.get_docid();
    if (did < column_->of_doc.size()) {
      std::uint32_t id = column_->of_doc[did];
      if (id != FacetTable::kNone) ++column_counts_[id];
    }
    return;
  }
  std::string value = read_(doc);
  if (!value.empty()) ++counts_[std::move(value)];
}

std::vector<std::pair<std::string, std::size_t>> ValueCountSpy::values() const {
  std::vector<std::pair<std::string, std::size_t>> out;
  if (column_) {
    for (std::size_t id = 0; id < column_counts_.size(); ++id) {
      if (column_counts_[id] > 0) {
        out.emplace_back(column_->values[id], column_counts_[id]);
      }
    }
  } else {
    out.assign(counts_.begin(), counts_.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

ActorCountSpy::ActorCountSpy(const Xapian::Database* db,
                             const FacetTable* table)
    : read_(db, schema::kActorsSlot), table_(table) {
  if (table_) table_counts_.assign(table_->actors.size(), 0);
}

void ActorCountSpy::operator()(const Xapian::Document& doc, double) {
  if (table_) {
    Xapian::docid did = doc.get_docid();
    if (did + 1 >= table_->actor_begin.size()) return;
    std::uint32_t begin = table_->actor_begin[did];
    std::uint32_t end = table_->actor_begin[did + 1];
    if (begin == end) return;
    ++with_actors_;
    for (std::uint32_t i = begin; i < end; ++i) {
      ++table_counts_[table_->actor_ids[i]];
    }
    return;
  }
  const std::string value = read_(doc);
  if (value.empty()) return;
  ++with_actors_;
  for_each_actor(value, [&](std::string_view name, std::string_view type) {
    auto it = counts_.find(name);
    if (it == counts_.end()) {
      it =
          counts_.emplace(std::string(name), Count{0, std::string(type)}).first;
    }
    ++it->second.count;
  });
}

std::vector<FacetValue> ActorCountSpy::values() const {
  std::vector<FacetValue> out;
  if (table_) {
    for (std::size_t id = 0; id < table_counts_.size(); ++id) {
      if (table_counts_[id] > 0) {
        const auto& [name, type] = table_->actors[id];
        out.push_back({name, table_counts_[id], type});
      }
    }
    return out;
  }
  out.reserve(counts_.size());
  for (const auto& [name, count] : counts_) {
    out.push_back({name, count.count, count.type});
  }
  return out;
}

std::vector<FacetValue> ActorCountSpy::largest(std::size_t size,
                                               std::size_t& other) const {
  if (!table_) {
    std::vector<FacetValue> values = this->values();
    merge_actor_variants(values);
    keep_largest(values, size, other);
    return values;
  }
  // Spellings of one name count together, named by the most frequent
  // (see merge_actor_variants): counts and names by group.
  const std::vector<std::size_t>* counts = &table_counts_;
  std::vector<std::size_t> merged;
  std::vector<std::uint32_t> name_of(table_counts_.size());
  for (std::uint32_t id = 0; id < name_of.size(); ++id) name_of[id] = id;
  if (table_->actor_variants) {
    merged.assign(table_counts_.size(), 0);
    std::vector<std::size_t> best(table_counts_.size(), 0);
    for (std::uint32_t id = 0; id < table_counts_.size(); ++id) {
      std::size_t n = table_counts_[id];
      if (n == 0) continue;
      std::uint32_t g = table_->actor_group[id];
      merged[g] += n;
      if (n > best[g] ||
          (n == best[g] &&
           table_->actors[id].first < table_->actors[name_of[g]].first)) {
        best[g] = n;
        name_of[g] = id;
      }
    }
    counts = &merged;
  }
  std::vector<std::uint32_t> ids;
  for (std::uint32_t id = 0; id < counts->size(); ++id) {
    if ((*counts)[id] > 0) ids.push_back(id);
  }
  auto larger = [&](std::uint32_t a, std::uint32_t b) {
    return (*counts)[a] != (*counts)[b] ? (*counts)[a] > (*counts)[b]
                                        : table_->actors[name_of[a]].first <
                                              table_->actors[name_of[b]].first;
  };
  if (size == 0 || ids.size() <= size) {
    std::sort(ids.begin(), ids.end(), larger);
  } else {
    auto keep = ids.begin() + static_cast<std::ptrdiff_t>(size);
    std::partial_sort(ids.begin(), keep, ids.end(), larger);
    for (auto it = keep; it != ids.end(); ++it) other += (*counts)[*it];
    ids.erase(keep, ids.end());
  }
  std::vector<FacetValue> out;
  for (std::uint32_t id : ids) {
    const auto& [name, type] = table_->actors[name_of[id]];
    out.push_back({name, (*counts)[id], type});
  }
  return out;
}

Xapian::valueno actor_slots_used(const Xapian::Database& db) {
  Xapian::valueno n = 0;
  while (db.get_value_freq(schema::kActorSlotBase + n) > 0) ++n;
  return n;
}

FacetCounter::FacetCounter(std::vector<FacetRequest> requests,
                           Xapian::valueno actor_slots,
                           const Xapian::Database* db, const FacetTable* table)
    : requests_(std::move(requests)) {
  bool wants_actors = false;
  for (const auto& r : requests_) {
    if (r.field == schema::kActorField) wants_actors = true;
  }
  if (wants_actors) {
    for (Xapian::valueno i = 0; i < actor_slots; ++i) {
      actor_slot_spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(
          schema::kActorSlotBase + i));
    }
  }
  for (const auto& r : requests_) {
    if (r.field == schema::kAuthorField) {
      if (author_slot_spies_.empty()) {
        for (Xapian::valueno i = 0; i < schema::kMaxAuthorSlots; ++i) {
          author_slot_spies_.push_back(
              std::make_unique<Xapian::ValueCountMatchSpy>(
                  schema::kAuthorSlotBase + i));
        }
      }
      spies_.push_back(nullptr);
    } else if (r.field == schema::kActorField && actor_slots > 0) {
      spies_.push_back(nullptr);
    } else if (r.field == schema::kActorField) {
      spies_.push_back(std::make_unique<ActorCountSpy>(db, table));
    } else if (actor_slots > 0) {
      spies_.push_back(
          std::make_unique<Xapian::ValueCountMatchSpy>(slot_for(r)));
    } else {
      spies_.push_back(std::make_unique<ValueCountSpy>(db, slot_for(r), table));
    }
  }
}

std::vector<std::pair<std::string, std::size_t>> FacetCounter::slot_values(
    std::size_t i) const {
  if (const auto* own = dynamic_cast<const ValueCountSpy*>(spies_[i].get())) {
    return own->values();
  }
  const auto& spy = static_cast<const Xapian::ValueCountMatchSpy&>(*spies_[i]);
  std::vector<std::pair<std::string, std::size_t>> out;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    out.emplace_back(*it, it.get_termfreq());
  }
  return out;
}

void FacetCounter::register_with(Xapian::Enquire& enquire) {
  for (auto& spy : spies_) {
    if (spy) enquire.add_matchspy(spy.get());
  }
  for (auto& spy : actor_slot_spies_) enquire.add_matchspy(spy.get());
  for (auto& spy : author_slot_spies_) enquire.add_matchspy(spy.get());
}

FacetResult FacetCounter::author_result(std::size_t total,
                                        std::size_t size) const {
  FacetResult result;
  result.field = std::string(schema::kAuthorField);
  std::map<std::string, std::size_t> counts;
  std::size_t with_authors = 0;
  for (std::size_t slot = 0; slot < author_slot_spies_.size(); ++slot) {
    const auto& spy = *author_slot_spies_[slot];
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
      counts[*it] += it.get_termfreq();
      if (slot == 0) with_authors += it.get_termfreq();
    }
  }
  for (auto& [name, count] : counts) result.values.push_back({name, count, ""});
  keep_largest(result.values, size, result.other);
  result.missing = total > with_authors ? total - with_authors : 0;
  return result;
}

std::vector<FacetResult> FacetCounter::results(std::size_t total,
                                               std::size_t size) const {
  std::vector<FacetResult> out;
  for (std::size_t i = 0; i < requests_.size(); ++i) {
    const FacetRequest& r = requests_[i];
    if (r.field == schema::kAuthorField) {
      out.push_back(author_result(total, size));
      continue;
    }
    FacetResult result;
    result.field = r.field;
    if (r.field == schema::kActorField) {
      std::size_t with_actors = 0;
      if (spies_[i]) {
        const auto& spy = static_cast<const ActorCountSpy&>(*spies_[i]);
        result.values = spy.largest(size, result.other);
        with_actors = spy.articles_with_actors();
      } else {
        // "name<US>type" per slot; an article names an actor once.
        std::map<std::string, FacetValue> counts;
        for (std::size_t slot = 0; slot < actor_slot_spies_.size(); ++slot) {
          const auto& spy = *actor_slot_spies_[slot];
          for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
            std::string unit = *it;
            std::size_t sep = unit.find(schema::kActorUnitSeparator);
            std::string name = unit.substr(0, sep);
            FacetValue& v = counts[name];
            v.value = name;
            v.count += it.get_termfreq();
            if (sep != std::string::npos) v.type = unit.substr(sep + 1);
            if (slot == 0) with_actors += it.get_termfreq();
          }
        }
        for (auto& [name, value] : counts)
          result.values.push_back(std::move(value));
        merge_actor_variants(result.values);
        keep_largest(result.values, size, result.other);
      }
      result.missing = total > with_actors ? total - with_actors : 0;
      out.push_back(std::move(result));
      continue;
    }
    std::size_t counted = 0;
    if (r.field == schema::kDateField) {
      result.granularity = granularity_name(r.granularity);
      std::map<std::string, std::size_t> buckets;
      for (auto& [value, count] : slot_values(i)) {
        std::string key =
            value.substr(0, std::min(value.size(), key_length(r.granularity)));
        buckets[key] += count;
        counted += count;
      }
      for (const auto& [key, count] : buckets) {
        result.values.push_back({date_key_to_iso(key), count, ""});
      }
      keep_largest(result.values, size, result.other);
      // A histogram reads in date order.
      std::sort(result.values.begin(), result.values.end(),
                [](const FacetValue& a, const FacetValue& b) {
                  return a.value < b.value;
                });
    } else {
      for (auto& [value, count] : slot_values(i)) {
        result.values.push_back({std::move(value), count, ""});
        counted += count;
      }
      keep_largest(result.values, size, result.other);
    }
    result.missing = total > counted ? total - counted : 0;
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace newsdex
