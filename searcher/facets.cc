// Facets on match spies: one spy per value slot; date
// histograms are folded from day keys to months or years.
#include "searcher/facets.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <stdexcept>

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

namespace {

bool field_name_syntax(std::string_view name) {
  if (name.empty() || name.size() > 32 || name[0] < 'a' || name[0] > 'z') {
    return false;
  }
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

// One side of a facet item: "source", "date:month", "category".
std::optional<std::string> parse_axis(std::string_view item,
                                      std::string_view whole,
                                      std::string& field,
                                      DateGranularity& granularity,
                                      bool& granular) {
  auto colon = item.find(':');
  std::string_view name = trim_space(item.substr(0, colon));
  std::string_view detail =
      colon == std::string_view::npos ? "" : trim_space(item.substr(colon + 1));
  field = std::string(name);
  granular = colon != std::string_view::npos;
  granularity = DateGranularity::kDay;
  if (!field_name_syntax(name) ||
      (granular &&
       (name == schema::kSourceField || name == schema::kActorField ||
        name == schema::kAuthorField))) {
    return "unknown facet '" + std::string(whole) +
           "' in --facets; choose from source, actor, author, date, "
           "date:day, date:month, date:year, a field the database declares, "
           "or two of them as ROWS/COLUMNS";
  }
  if (!granular || detail == "day") {
    granularity = DateGranularity::kDay;
  } else if (detail == "month") {
    granularity = DateGranularity::kMonth;
  } else if (detail == "year") {
    granularity = DateGranularity::kYear;
  } else {
    return "unknown date granularity '" + std::string(detail) +
           "' in --facets; choose day, month or year";
  }
  return std::nullopt;
}

std::string axis_text(const std::string& field, DateGranularity g,
                      bool granular, bool is_date) {
  if (!granular && !is_date) return field;
  return field + ':' + granularity_name(g);
}

}  // namespace

std::optional<std::string> parse_facet_list(std::string_view list,
                                            std::vector<FacetRequest>& out) {
  out.clear();
  while (!list.empty()) {
    auto comma = list.find(',');
    std::string_view item = trim_space(list.substr(0, comma));
    list = comma == std::string_view::npos ? "" : list.substr(comma + 1);
    if (item.empty()) continue;
    FacetRequest r;
    auto slash = item.find('/');
    if (auto error = parse_axis(item.substr(0, slash), item, r.field,
                                r.granularity, r.granular)) {
      return error;
    }
    if (slash != std::string_view::npos) {
      if (auto error = parse_axis(item.substr(slash + 1), item, r.by,
                                  r.by_granularity, r.by_granular)) {
        return error;
      }
    }
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  }
  return std::nullopt;
}

std::optional<std::string> check_facets(const std::vector<FacetRequest>& facets,
                                        const FieldTable& fields) {
  auto check = [&](const std::string& name,
                   bool granular) -> std::optional<std::string> {
    const FieldSpec* f = fields.find(name);
    if (f == nullptr || !f->facet) {
      return "unknown facet '" + name +
             "' in --facets; this database has the facets " +
             fields.facet_names();
    }
    if (granular && f->kind != FieldKind::kDate) {
      return "facet '" + name + "' is a " + field_kind_name(f->kind) +
             " field and has no granularity";
    }
    return std::nullopt;
  };
  for (const FacetRequest& r : facets) {
    if (auto error = check(r.field, r.granular)) return error;
    if (!r.by.empty()) {
      if (auto error = check(r.by, r.by_granular)) return error;
    }
  }
  return std::nullopt;
}

std::vector<FacetRequest> default_facets() {
  FacetRequest source{std::string(schema::kSourceField)};
  FacetRequest date{std::string(schema::kDateField), DateGranularity::kMonth,
                    true};
  FacetRequest actor{std::string(schema::kActorField)};
  return {source, date, actor};
}

std::string facet_list_text(const std::vector<FacetRequest>& facets) {
  std::string text;
  for (const FacetRequest& r : facets) {
    if (!text.empty()) text += ',';
    text += axis_text(r.field, r.granularity, r.granular,
                      r.field == schema::kDateField);
    if (!r.by.empty()) {
      text += '/';
      text += axis_text(r.by, r.by_granularity, r.by_granular,
                        r.by == schema::kDateField);
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
      if (names_variant_group(n, table_->actors[id].first, best[g],
                              table_->actors[name_of[g]].first)) {
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

Xapian::valueno slots_in_use(const Xapian::Database& db,
                             const FieldSpec& field) {
  Xapian::valueno n = 0;
  while (n < field.slots && db.get_value_freq(field.value_slot(n)) > 0) ++n;
  return n;
}

Xapian::valueno actor_slots_used(const Xapian::Database& db) {
  Xapian::valueno n = 0;
  while (db.get_value_freq(schema::kActorSlotBase + n) > 0) ++n;
  return n;
}

namespace {

// Adds one date key to a YYYY, YYYYMM or YYYYMMDD key.
std::string next_date_key(const std::string& key) {
  int year = std::stoi(key.substr(0, 4));
  char buf[16];
  if (key.size() == 4) {
    std::snprintf(buf, sizeof buf, "%04d", year + 1);
    return buf;
  }
  unsigned month = static_cast<unsigned>(std::stoi(key.substr(4, 2)));
  if (key.size() == 6) {
    if (++month > 12) {
      month = 1;
      ++year;
    }
    std::snprintf(buf, sizeof buf, "%04d%02u", year, month);
    return buf;
  }
  unsigned day = static_cast<unsigned>(std::stoi(key.substr(6, 2)));
  std::chrono::year_month_day next{
      std::chrono::sys_days{std::chrono::year{year} / month / day} +
      std::chrono::days{1}};
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", int(next.year()),
                unsigned(next.month()), unsigned(next.day()));
  return buf;
}

// Date buckets (key -> count) as a histogram: every bucket of full length
// from the first to the last, empty ones 0; keys known to a coarser
// precision (a month in a facet by day) as they are, in date order.
std::vector<FacetValue> histogram(
    const std::map<std::string, std::size_t>& buckets, std::size_t key_size) {
  std::map<std::string, std::size_t> all = buckets;
  std::string first, last;
  for (const auto& [key, count] : buckets) {
    if (key.size() != key_size) continue;
    if (first.empty()) first = key;
    last = key;
  }
  if (!first.empty()) {
    for (const std::string& key : date_keys_between(first, last)) all[key];
  }
  std::vector<FacetValue> out;
  for (const auto& [key, count] : all) {
    out.push_back({date_key_to_iso(key), count, ""});
  }
  return out;
}

}  // namespace

std::vector<std::string> date_keys_between(const std::string& first,
                                           const std::string& last) {
  std::vector<std::string> keys;
  if (first.size() != last.size() || first > last) return keys;
  for (std::string key = first; key <= last; key = next_date_key(key)) {
    keys.push_back(key);
  }
  return keys;
}

std::vector<std::string> facet_values_of(
    const Xapian::Document& doc, const FieldSpec& field,
    DateGranularity granularity,
    std::map<std::string, std::string>* actor_types) {
  std::vector<std::string> values;
  if (field.kind == FieldKind::kDate) {
    std::string key = doc.get_value(field.slot);
    if (key.empty()) return values;
    values.push_back(date_key_to_iso(
        key.substr(0, std::min(key.size(), key_length(granularity)))));
    return values;
  }
  Xapian::valueno count =
      field.slots == 0 ? Xapian::valueno(1) << 20 : field.slots;
  for (Xapian::valueno i = 0; i < count; ++i) {
    std::string value = doc.get_value(field.value_slot(i));
    if (value.empty()) break;
    // An actor's slot holds "name<US>type".
    if (auto unit = value.find(schema::kActorUnitSeparator);
        unit != std::string::npos) {
      if (actor_types) {
        actor_types->try_emplace(value.substr(0, unit), value.substr(unit + 1));
      }
      value.resize(unit);
    }
    if (std::find(values.begin(), values.end(), value) == values.end()) {
      values.push_back(std::move(value));
    }
  }
  return values;
}

CrossTabSpy::CrossTabSpy(FieldSpec rows, DateGranularity row_granularity,
                         FieldSpec columns, DateGranularity column_granularity)
    : rows_(std::move(rows)),
      columns_(std::move(columns)),
      row_granularity_(row_granularity),
      column_granularity_(column_granularity) {}

void CrossTabSpy::operator()(const Xapian::Document& doc, double) {
  static const std::vector<std::string> kUnknown{"unknown"};
  auto types_of = [this](const FieldSpec& field) {
    return field.name == schema::kActorField ? &actor_types_ : nullptr;
  };
  std::vector<std::string> rows =
      facet_values_of(doc, rows_, row_granularity_, types_of(rows_));
  std::vector<std::string> columns =
      facet_values_of(doc, columns_, column_granularity_, types_of(columns_));
  if (rows.empty()) rows = kUnknown;
  if (columns.empty()) columns = kUnknown;
  ++total_;
  for (const auto& r : rows) ++row_totals_[r];
  for (const auto& c : columns) ++column_totals_[c];
  for (const auto& r : rows) {
    for (const auto& c : columns) ++pairs_[{r, c}];
  }
}

namespace {

// The order of one side of a table: dates in date order with the empty
// buckets between; other values by count, most first, and past `size`
// folded into "(other)"; "unknown" last. Returns each value's place.
std::map<std::string, std::size_t> table_axis(
    const std::map<std::string, std::size_t>& totals, bool is_date,
    std::size_t size, std::vector<std::string>& order) {
  std::vector<std::pair<std::string, std::size_t>> values;
  for (const auto& [value, count] : totals) {
    if (value != "unknown") values.emplace_back(value, count);
  }
  std::map<std::string, std::size_t> place;
  if (is_date) {
    // ISO values; the full-length ones have their gaps filled.
    std::map<std::string, std::size_t> keyed;
    std::size_t longest = 0;
    for (const auto& [iso, count] : values) {
      std::string key;
      for (char c : iso) {
        if (c != '-') key += c;
      }
      keyed[key] = count;
      longest = std::max(longest, key.size());
    }
    for (const FacetValue& v : histogram(keyed, longest)) {
      place[v.value] = order.size();
      order.push_back(v.value);
    }
  } else {
    std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (size > 0 && i >= size) {
        if (i == size) order.push_back("(other)");
        place[values[i].first] = size;
      } else {
        place[values[i].first] = order.size();
        order.push_back(values[i].first);
      }
    }
  }
  if (totals.count("unknown")) {
    place["unknown"] = order.size();
    order.push_back("unknown");
  }
  return place;
}

// Each spelling counted on an actor axis -> the name the actor facet
// counts it under (merge_actor_variants); empty for other fields.
std::unordered_map<std::string, std::string> axis_names(
    const FieldSpec& field, const std::map<std::string, std::size_t>& totals,
    const std::map<std::string, std::string>& types) {
  if (field.name != schema::kActorField) return {};
  std::vector<FacetValue> values;
  for (const auto& [name, count] : totals) {
    if (name == "unknown") continue;
    auto type = types.find(name);
    values.push_back(
        {name, count, type == types.end() ? std::string() : type->second});
  }
  return actor_variant_names(values);
}

const std::string& named(
    const std::unordered_map<std::string, std::string>& names,
    const std::string& value) {
  auto it = names.find(value);
  return it == names.end() ? value : it->second;
}

// `totals` with each value counted under its name.
std::map<std::string, std::size_t> totals_by_name(
    const std::map<std::string, std::size_t>& totals,
    const std::unordered_map<std::string, std::string>& names) {
  std::map<std::string, std::size_t> out;
  for (const auto& [value, count] : totals) out[named(names, value)] += count;
  return out;
}

}  // namespace

CrossTab CrossTabSpy::result(std::size_t size) const {
  CrossTab out;
  out.by = columns_.name;
  if (columns_.kind == FieldKind::kDate) {
    out.by_granularity = granularity_name(column_granularity_);
  }
  // An article names one person once (in one spelling), so the counts of
  // a name's spellings add up to its articles.
  const auto row_names = axis_names(rows_, row_totals_, actor_types_);
  const auto column_names = axis_names(columns_, column_totals_, actor_types_);
  const auto row_totals = totals_by_name(row_totals_, row_names);
  const auto column_totals = totals_by_name(column_totals_, column_names);
  auto row_place =
      table_axis(row_totals, rows_.kind == FieldKind::kDate, size, out.rows);
  auto column_place = table_axis(
      column_totals, columns_.kind == FieldKind::kDate, size, out.columns);
  out.counts.assign(out.rows.size(),
                    std::vector<std::size_t>(out.columns.size(), 0));
  for (const auto& [pair, count] : pairs_) {
    out.counts[row_place.at(named(row_names, pair.first))]
              [column_place.at(named(column_names, pair.second))] += count;
  }
  // Totals count articles; a folded "(other)" sums its values' articles.
  out.row_totals.assign(out.rows.size(), 0);
  out.column_totals.assign(out.columns.size(), 0);
  for (const auto& [value, count] : row_totals) {
    out.row_totals[row_place.at(value)] += count;
  }
  for (const auto& [value, count] : column_totals) {
    out.column_totals[column_place.at(value)] += count;
  }
  out.total = total_;
  return out;
}

FacetCounter::FacetCounter(
    std::vector<FacetRequest> requests, Xapian::valueno actor_slots,
    const Xapian::Database* db, const FacetTable* table,
    const FieldTable* fields,
    const std::map<std::string, Xapian::valueno>* slots_used)
    : requests_(std::move(requests)), fields_(fields ? *fields : FieldTable()) {
  bool wants_actors = false;
  for (const auto& r : requests_) {
    if (r.field == schema::kActorField && r.by.empty()) wants_actors = true;
  }
  if (wants_actors) {
    for (Xapian::valueno i = 0; i < actor_slots; ++i) {
      actor_slot_spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(
          schema::kActorSlotBase + i));
    }
  }
  for (const auto& r : requests_) {
    const FieldSpec* field = fields_.find(r.field);
    if (field == nullptr) {
      throw std::invalid_argument("unknown facet '" + r.field + "'");
    }
    if (!r.by.empty()) {
      const FieldSpec* by = fields_.find(r.by);
      if (by == nullptr) {
        throw std::invalid_argument("unknown facet '" + r.by + "'");
      }
      spies_.push_back(std::make_unique<CrossTabSpy>(*field, r.granularity, *by,
                                                     r.by_granularity));
    } else if (field->kind == FieldKind::kKeywords &&
               r.field != schema::kActorField) {
      auto& slot_spies = multi_slot_spies_[r.field];
      if (slot_spies.empty()) {
        Xapian::valueno slots = field->slots;
        if (slots_used && slots_used->count(r.field)) {
          slots = slots_used->at(r.field);
        }
        for (Xapian::valueno i = 0; i < slots; ++i) {
          slot_spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(
              field->value_slot(i)));
        }
      }
      spies_.push_back(nullptr);
    } else if (r.field == schema::kActorField && actor_slots > 0) {
      spies_.push_back(nullptr);
    } else if (r.field == schema::kActorField) {
      spies_.push_back(std::make_unique<ActorCountSpy>(db, table));
    } else if (actor_slots > 0) {
      spies_.push_back(
          std::make_unique<Xapian::ValueCountMatchSpy>(field->slot));
    } else {
      spies_.push_back(std::make_unique<ValueCountSpy>(db, field->slot, table));
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
  for (auto& [field, slot_spies] : multi_slot_spies_) {
    for (auto& spy : slot_spies) enquire.add_matchspy(spy.get());
  }
}

FacetResult FacetCounter::multi_result(const std::string& field,
                                       std::size_t total,
                                       std::size_t size) const {
  FacetResult result;
  result.field = field;
  std::map<std::string, std::size_t> counts;
  std::size_t with_values = 0;
  const auto& slot_spies = multi_slot_spies_.at(field);
  for (std::size_t slot = 0; slot < slot_spies.size(); ++slot) {
    const auto& spy = *slot_spies[slot];
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
      counts[*it] += it.get_termfreq();
      if (slot == 0) with_values += it.get_termfreq();
    }
  }
  for (auto& [name, count] : counts) result.values.push_back({name, count, ""});
  keep_largest(result.values, size, result.other);
  result.missing = total > with_values ? total - with_values : 0;
  return result;
}

std::vector<FacetResult> FacetCounter::results(std::size_t total,
                                               std::size_t size) const {
  std::vector<FacetResult> out;
  for (std::size_t i = 0; i < requests_.size(); ++i) {
    const FacetRequest& r = requests_[i];
    const FieldSpec& field = *fields_.find(r.field);
    if (!r.by.empty()) {
      FacetResult result;
      result.field = r.field;
      if (field.kind == FieldKind::kDate) {
        result.granularity = granularity_name(r.granularity);
      }
      result.cross = static_cast<const CrossTabSpy&>(*spies_[i]).result(size);
      out.push_back(std::move(result));
      continue;
    }
    if (multi_slot_spies_.count(r.field)) {
      out.push_back(multi_result(r.field, total, size));
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
    if (field.kind == FieldKind::kDate) {
      // A histogram: every bucket, in date order, none left out.
      result.granularity = granularity_name(r.granularity);
      std::map<std::string, std::size_t> buckets;
      for (auto& [value, count] : slot_values(i)) {
        std::string key =
            value.substr(0, std::min(value.size(), key_length(r.granularity)));
        buckets[key] += count;
        counted += count;
      }
      result.values = histogram(buckets, key_length(r.granularity));
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
