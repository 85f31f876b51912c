// Database statistics from value bounds, a match spy over every document,
// and the metadata the indexer writes.
#include "searcher/db_stats.h"

#include <date/date.h>

#include <algorithm>
#include <filesystem>

#include "common/date_parse.h"
#include "common/schema.h"
#include "searcher/actor_variants.h"

namespace newsdex {
namespace {

std::uintmax_t size_on_disk(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path.empty() || !fs::exists(path, ec)) return 0;
  if (!fs::is_directory(path, ec)) return fs::file_size(path, ec);
  std::uintmax_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  }
  return total;
}

std::string iso_from_unix(const std::string& seconds) {
  if (seconds.empty()) return "";
  try {
    date::sys_seconds t{std::chrono::seconds{std::stoll(seconds)}};
    return date::format("%Y-%m-%dT%H:%M:%SZ", t);
  } catch (const std::exception&) {
    return "";
  }
}

}  // namespace

DatabaseStats collect_stats(const Xapian::Database& db,
                            const std::string& path) {
  DatabaseStats stats;
  stats.documents = db.get_doccount();
  stats.undated = stats.documents - db.get_value_freq(schema::kDateSlot);
  if (stats.undated < stats.documents) {
    stats.first_date =
        date_key_to_iso(db.get_value_lower_bound(schema::kDateSlot));
    stats.last_date =
        date_key_to_iso(db.get_value_upper_bound(schema::kDateSlot));
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  Xapian::ValueCountMatchSpy spy(schema::kSourceSlot);
  enquire.add_matchspy(&spy);
  ActorCountSpy actor_spy(&db);
  enquire.add_matchspy(&actor_spy);
  enquire.get_mset(0, 0, db.get_doccount());
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    stats.sources.push_back({*it, it.get_termfreq(), ""});
  }
  std::size_t ignored = 0;
  keep_largest(stats.sources, 0, ignored);
  stats.actors = actor_spy.values();
  merge_actor_variants(stats.actors);
  keep_largest(stats.actors, 0, ignored);
  stats.language = db.get_metadata(std::string(schema::kLanguageKey));
  stats.schema_version = db.get_metadata(std::string(schema::kSchemaKey));
  stats.fields = field_table_of(db).fields();
  stats.last_update =
      iso_from_unix(db.get_metadata(std::string(schema::kUpdatedKey)));
  stats.index_bytes = size_on_disk(path);
  return stats;
}

}  // namespace newsdex
