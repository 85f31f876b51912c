// Measures actor extraction on Reuters-21578: the share of the people its
// `people` field lists (codes such as "james-baker") that the extractor
// finds in the article, matched on the code's full name or its surname.
// Prints the figure and the most often missed codes. Used by
// scripts/actor-quality.
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/actors.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: actor_eval REUTERS_JSONL_GZ\n");
    return 2;
  }
  auto gazetteer = newsdex::ActorGazetteer::with_builtin_table();
  gzFile gz = gzopen(argv[1], "rb");
  if (gz == nullptr) {
    std::fprintf(stderr, "actor_eval: cannot open %s\n", argv[1]);
    return 2;
  }
  std::size_t total = 0, found = 0, articles = 0, extracted = 0;
  std::map<std::string, int> missed;
  std::string line;
  char buf[1 << 16];
  while (gzgets(gz, buf, sizeof buf) != nullptr) {
    line += buf;
    if (line.back() != '\n') continue;
    auto j = nlohmann::json::parse(line);
    line.clear();
    if (j["people"].empty()) continue;
    ++articles;
    auto actors = newsdex::extract_actors(
        j["title"].get<std::string>(), j["text"].get<std::string>(), gazetteer);
    extracted += actors.size();
    for (const auto& code_json : j["people"]) {
      std::string code = code_json;
      auto dash = code.rfind('-');
      std::string surname =
          dash == std::string::npos ? code : code.substr(dash + 1);
      bool ok = false;
      for (const auto& a : actors) {
        std::string key = newsdex::actor_key(a.name);
        bool by_surname = key.size() >= surname.size() &&
                          key.compare(key.size() - surname.size(),
                                      surname.size(), surname) == 0 &&
                          (key.size() == surname.size() ||
                           key[key.size() - surname.size() - 1] == '-');
        if (key == code || by_surname) ok = true;
      }
      ++total;
      if (ok) {
        ++found;
      } else {
        ++missed[code];
      }
    }
  }
  gzclose(gz);
  std::printf("%-44s %8s\n", "measure", "value");
  std::printf("%-44s %8zu\n", "articles with listed people", articles);
  std::printf("%-44s %8zu\n", "listed people (article, person pairs)", total);
  std::printf(
      "%-44s %7.1f%%\n", "found by the actor facet (target 90%)",
      total ? 100.0 * static_cast<double>(found) / static_cast<double>(total)
            : 0);
  std::printf(
      "%-44s %8.1f\n", "actors extracted per article",
      articles ? static_cast<double>(extracted) / static_cast<double>(articles)
               : 0);
  std::vector<std::pair<int, std::string>> worst;
  for (const auto& [code, n] : missed) worst.emplace_back(n, code);
  std::sort(worst.rbegin(), worst.rend());
  std::printf("most often missed:");
  for (std::size_t i = 0; i < worst.size() && i < 12; ++i) {
    std::printf(" %s(%d)", worst[i].second.c_str(), worst[i].first);
  }
  std::printf("\n");
  return 0;
}
