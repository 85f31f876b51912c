// Recency as a ValuePostingSource; explanations by scoring each term alone
// against the one document.
#include "searcher/ranking.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "common/schema.h"

namespace newsdex {
namespace {

// Days since the epoch for a date key; a month or year counts from its
// middle.
std::optional<std::chrono::sys_days> key_to_day(const std::string& key) {
  using namespace std::chrono;
  if (key.size() < 4) return std::nullopt;
  try {
    int y = std::stoi(key.substr(0, 4));
    unsigned m = key.size() >= 6
                     ? static_cast<unsigned>(std::stoi(key.substr(4, 2)))
                     : 7;
    unsigned d = key.size() >= 8
                     ? static_cast<unsigned>(std::stoi(key.substr(6, 2)))
                     : (key.size() >= 6 ? 15 : 1);
    year_month_day ymd{year{y}, month{m}, day{d}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

class RecencySource : public Xapian::ValuePostingSource {
 public:
  RecencySource(std::chrono::sys_days today, double half_life, double peak)
      : Xapian::ValuePostingSource(schema::kDateSlot),
        today_(today),
        half_life_(half_life),
        peak_(peak) {}

  void init(const Xapian::Database& db) override {
    Xapian::ValuePostingSource::init(db);
    set_maxweight(peak_);
  }
  double get_weight() const override {
    return recency_bonus(get_value(), today_, half_life_, peak_);
  }
  RecencySource* clone() const override {
    return new RecencySource(today_, half_life_, peak_);
  }
  std::string name() const override { return "newsdex::RecencySource"; }

 private:
  std::chrono::sys_days today_;
  double half_life_, peak_;
};

}  // namespace

Xapian::IneB2Weight relevance_weight() {
  return Xapian::IneB2Weight(kLengthNormalisation);
}

double recency_bonus(const std::string& date_key, std::chrono::sys_days today,
                     double half_life_days, double peak) {
  auto day = key_to_day(date_key);
  if (!day || half_life_days <= 0) return 0;
  double age = static_cast<double>((today - *day).count());
  if (age < 0) age = 0;
  return peak * std::pow(0.5, age / half_life_days);
}

Xapian::PostingSource* make_recency_source(std::chrono::sys_days today,
                                           double half_life_days, double peak) {
  return (new RecencySource(today, half_life_days, peak))->release();
}

std::vector<TermWeight> explain_units(const Xapian::Database& db,
                                      const std::vector<ExplainUnit>& units,
                                      const std::string& id_term) {
  std::vector<TermWeight> out;
  if (db.postlist_begin(id_term) == db.postlist_end(id_term)) return out;
  for (const auto& unit : units) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(relevance_weight());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, unit.query,
                                    Xapian::Query(id_term)));
    Xapian::MSet mset = enquire.get_mset(0, 1);
    if (mset.empty()) continue;
    double weight = mset.begin().get_weight();
    auto same = std::find_if(out.begin(), out.end(), [&](const TermWeight& t) {
      return t.term == unit.label;
    });
    if (same != out.end()) {
      same->weight += weight;
    } else {
      out.push_back({unit.label, weight});
    }
  }
  return out;
}

}  // namespace newsdex
