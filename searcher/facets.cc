// Facets on Xapian's ValueCountMatchSpy: one spy per value slot; date
// histograms are folded from day keys to months or years.
#include "searcher/facets.h"

#include <algorithm>
#include <map>

#include "common/date_parse.h"
#include "common/schema.h"
#include "common/text_utf8.h"

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
    if ((name == schema::kSourceField || name == schema::kActorField) &&
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
             "' in --facets; choose from source, actor, date, date:day, "
             "date:month, date:year";
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

void ActorCountSpy::operator()(const Xapian::Document& doc, double) {
  const std::string value = doc.get_value(schema::kActorsSlot);
  if (value.empty()) return;
  ++with_actors_;
  std::string_view rest = value;
  while (!rest.empty()) {
    std::size_t end = rest.find(schema::kActorRecordSeparator);
    std::string_view record = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view()
                                         : rest.substr(end + 1);
    std::size_t unit = record.find(schema::kActorUnitSeparator);
    std::string_view name = record.substr(0, unit);
    auto it = counts_.find(name);
    if (it == counts_.end()) {
      Count fresh;
      if (unit != std::string_view::npos) {
        fresh.type = std::string(record.substr(unit + 1));
      }
      it = counts_.emplace(std::string(name), std::move(fresh)).first;
    }
    ++it->second.count;
  }
}

std::vector<FacetValue> ActorCountSpy::values() const {
  std::vector<FacetValue> out;
  out.reserve(counts_.size());
  for (const auto& [name, count] : counts_) {
    out.push_back({name, count.count, count.type});
  }
  return out;
}

Xapian::valueno actor_slots_used(const Xapian::Database& db) {
  Xapian::valueno n = 0;
  while (db.get_value_freq(schema::kActorSlotBase + n) > 0) ++n;
  return n;
}

FacetCounter::FacetCounter(std::vector<FacetRequest> requests,
                           Xapian::valueno actor_slots)
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
    if (r.field == schema::kActorField && actor_slots > 0) {
      spies_.push_back(nullptr);
    } else if (r.field == schema::kActorField) {
      spies_.push_back(std::make_unique<ActorCountSpy>());
    } else {
      spies_.push_back(
          std::make_unique<Xapian::ValueCountMatchSpy>(slot_for(r)));
    }
  }
}

void FacetCounter::register_with(Xapian::Enquire& enquire) {
  for (auto& spy : spies_) {
    if (spy) enquire.add_matchspy(spy.get());
  }
  for (auto& spy : actor_slot_spies_) enquire.add_matchspy(spy.get());
}

std::vector<FacetResult> FacetCounter::results(std::size_t total,
                                               std::size_t size) const {
  std::vector<FacetResult> out;
  for (std::size_t i = 0; i < requests_.size(); ++i) {
    const FacetRequest& r = requests_[i];
    FacetResult result;
    result.field = r.field;
    if (r.field == schema::kActorField) {
      std::size_t with_actors = 0;
      if (spies_[i]) {
        const auto& spy = static_cast<const ActorCountSpy&>(*spies_[i]);
        result.values = spy.values();
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
      }
      keep_largest(result.values, size, result.other);
      result.missing = total > with_actors ? total - with_actors : 0;
      out.push_back(std::move(result));
      continue;
    }
    const auto& spy =
        static_cast<const Xapian::ValueCountMatchSpy&>(*spies_[i]);
    std::size_t counted = 0;
    if (r.field == schema::kDateField) {
      result.granularity = granularity_name(r.granularity);
      std::map<std::string, std::size_t> buckets;
      for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        std::string key = *it;
        key = key.substr(0, std::min(key.size(), key_length(r.granularity)));
        buckets[key] += it.get_termfreq();
        counted += it.get_termfreq();
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
      for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        result.values.push_back({*it, it.get_termfreq(), ""});
        counted += it.get_termfreq();
      }
      keep_largest(result.values, size, result.other);
    }
    result.missing = total > counted ? total - counted : 0;
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace newsdex
