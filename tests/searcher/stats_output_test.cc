// Tests for searcher/stats_output.cc: --stats as JSON and as text.
#include "searcher/stats_output.h"

#include <doctest/doctest.h>

#include <sstream>

#include "searcher/json_output.h"

namespace newsdex {
namespace {

DatabaseStats sample_stats() {
  DatabaseStats s;
  s.documents = 5;
  s.undated = 1;
  s.first_date = "2025-05-16";
  s.last_date = "2025-07-22";
  s.sources = {{"AnewZ", 3, ""}, {"SBS News", 1, ""}, {"BBC", 1, ""}};
  s.actors = {{"Recep Tayyip Erdogan", 2, "person"}, {"NATO", 1, "org"}};
  s.language = "english";
  s.schema_version = "9";
  s.last_update = "2026-11-30T10:00:00Z";
  s.index_bytes = 2500000;
  FieldSpec source;
  source.name = "source";
  source.facet = true;
  FieldSpec category;
  category.name = "category";
  category.facet = true;
  category.declared = true;
  category.kind = FieldKind::kKeywords;
  s.fields = {source, category};
  return s;
}

}  // namespace

TEST_CASE("--stats as JSON: one stats line, sources and actors cut to size") {
  std::ostringstream out;
  write_stats_json(sample_stats(), 2, out);
  auto j = nlohmann::json::parse(out.str());
  CHECK(out.str().back() == '\n');
  CHECK(j["type"] == "stats");
  const auto& d = j["data"];
  CHECK(d["version"] == kJsonFormatVersion);
  CHECK(d["documents"] == 5);
  CHECK(d["undated"] == 1);
  CHECK(d["first_date"] == "2025-05-16");
  CHECK(d["last_date"] == "2025-07-22");
  CHECK(d["source_count"] == 3);  // all of them, though two are listed
  REQUIRE(d["sources"].size() == 2);
  CHECK(d["sources"][0] == nlohmann::json{{"value", "AnewZ"}, {"count", 3}});
  CHECK(d["actors"][1]["type"] == "org");
  CHECK(d["language"] == "english");
  CHECK(d["schema"] == "9");
  CHECK(d["index_bytes"] == 2500000);
  REQUIRE(d["fields"].size() == 2);
  CHECK(d["fields"][1] == nlohmann::json{{"name", "category"},
                                         {"kind", "keywords"},
                                         {"facet", true},
                                         {"declared", true}});
  // 0 lists everything; unknown dates are null.
  DatabaseStats empty;
  out.str("");
  write_stats_json(empty, 0, out);
  auto e = nlohmann::json::parse(out.str())["data"];
  CHECK(e["first_date"].is_null());
  CHECK(e["last_update"].is_null());
  out.str("");
  write_stats_json(sample_stats(), 0, out);
  CHECK(nlohmann::json::parse(out.str())["data"]["sources"].size() == 3);
}

TEST_CASE("--stats as text: labelled rows, then the top values") {
  std::ostringstream out;
  write_stats_human(sample_stats(), 0, {false, HighlightMode::kMarkers, 80},
                    out);
  CHECK(out.str() ==
        "documents   5 (1 without a date)\n"
        "dates       2025-05-16 .. 2025-07-22\n"
        "sources     3\n"
        "language    english\n"
        "index size  2.5 MB\n"
        "updated     2026-11-30T10:00:00Z\n"
        "facets      source, category\n"
        "fields      category (keywords)\n"
        "top sources:\n"
        "  AnewZ 3 \xC2\xB7 SBS News 1 \xC2\xB7 BBC 1\n"
        "top actors:\n"
        "  Recep Tayyip Erdogan 2 \xC2\xB7 NATO 1\n");
  std::ostringstream empty;
  write_stats_human(DatabaseStats{}, 1, {true, HighlightMode::kAnsi, 80},
                    empty);
  CHECK(empty.str().find("\033[1mdocuments   \033[0m0\n") == 0);
  CHECK(empty.str().find("dates       \033[0mnone\n") != std::string::npos);
  CHECK(empty.str().find("fields      \033[0mnone declared\n") !=
        std::string::npos);
  CHECK(empty.str().find("top sources") == std::string::npos);
}

}  // namespace newsdex
