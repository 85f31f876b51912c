// Measures actor extraction, as the indexer runs it, in two ways:
//
//   newsdex_actor_eval reuters REUTERS_JSONL_GZ [--min-recall PCT]
//     Reuters-21578 lists, for 1,013 articles, the people each is about
//     (codes such as "james-baker"). Prints the share of those people the
//     extractor finds in the article (matched on the code's full name or
//     its surname) and the codes most often missed.
//
//   newsdex_actor_eval time JSONL_GZ
//     Extraction time alone over every article of the file.
//
//   newsdex_actor_eval gold GOLD_TSV CORPORA_DIR CORPUS_DIR
//                     [--min-person PCT] [--min-org PCT]
//     The hand-labelled gold set (tests/data/actor_gold.tsv): precision and
//     recall of persons and organisations over its articles.
//
// With the --min options, exits 1 when a figure is below its target (the
// CTest quality checks). NEWSDEX_ACTOR_EVAL_VERBOSE=1 lists every miss and
// false alarm. Used by scripts/actor-quality.
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/actors.h"
#include "indexer/extract/actor_extractor.h"
#include "common/document_record.h"
#include "indexer/article_prep.h"

namespace {

bool verbose() {
  const char* v = std::getenv("NEWSDEX_ACTOR_EVAL_VERBOSE");
  return v != nullptr && *v == '1';
}

double percent(std::size_t part, std::size_t whole) {
  return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole)
               : 100.0;
}

// Reads a gzip file line by line.
template <typename F>
bool for_each_gz_line(const char* path, F&& f) {
  gzFile gz = gzopen(path, "rb");
  if (gz == nullptr) return false;
  std::string line;
  char buf[1 << 16];
  while (gzgets(gz, buf, sizeof buf) != nullptr) {
    line += buf;
    if (line.back() != '\n') continue;
    f(line);
    line.clear();
  }
  if (!line.empty()) f(line);
  gzclose(gz);
  return true;
}

double option(int argc, char** argv, int from, const char* name) {
  for (int i = from; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return std::atof(argv[i + 1]);
  }
  return -1;
}

int reuters_mode(const char* path, double min_recall) {
  auto gazetteer = newsdex::ActorGazetteer::with_builtin_table();
  std::size_t total = 0, found = 0, articles = 0, extracted = 0;
  std::map<std::string, int> missed;
  bool ok_read = for_each_gz_line(path, [&](const std::string& line) {
    auto j = nlohmann::json::parse(line);
    if (j["people"].empty()) return;
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
        continue;
      }
      ++missed[code];
      if (verbose()) {
        std::string names;
        for (const auto& a : actors) names += a.name + "; ";
        std::printf("missed %s in \"%s\": %s\n", code.c_str(),
                    j["title"].get<std::string>().c_str(), names.c_str());
      }
    }
  });
  if (!ok_read) {
    std::fprintf(stderr, "actor_eval: cannot open %s\n", path);
    return 2;
  }
  double recall = percent(found, total);
  std::printf("%-48s %8s\n", "Reuters-21578 people field", "value");
  std::printf("%-48s %8zu\n", "articles with listed people", articles);
  std::printf("%-48s %8zu\n", "listed people (article, person pairs)", total);
  std::printf("%-48s %7.1f%%\n", "found by the actor facet (target 90%)",
              recall);
  std::printf(
      "%-48s %8.1f\n", "actors extracted per article",
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
  if (min_recall >= 0 && recall < min_recall) {
    std::fprintf(stderr,
                 "actor_eval: Reuters people recall %.1f%% is below %.1f%%\n",
                 recall, min_recall);
    return 1;
  }
  return 0;
}

struct GoldActor {
  std::string type;  // "person" or "org"
  bool optional = false;
  std::set<std::string> keys;  // actor_key of every accepted form
  std::string name;            // canonical, for messages
};

// The article a gold reference names, prepared as the indexer prepares it.
bool load_article(const std::string& ref, const std::string& corpora,
                  const std::string& corpus, newsdex::Article& out) {
  auto read_file = [](const std::string& path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
    return true;
  };
  if (ref.rfind("bbc/", 0) == 0 || ref.rfind("seed/", 0) == 0) {
    std::string path = ref.rfind("bbc/", 0) == 0 ? corpora + "/" + ref
                                                 : corpus + "/" + ref.substr(5);
    if (!read_file(path, out.text)) return false;
    out.is_page = true;
    newsdex::prepare_article(out, true);
    return true;
  }
  return false;
}

int gold_mode(const char* gold_path, const std::string& corpora,
              const std::string& corpus, double min_person, double min_org) {
  std::ifstream in(gold_path);
  if (!in) {
    std::fprintf(stderr, "actor_eval: cannot open %s\n", gold_path);
    return 2;
  }
  std::map<std::string, std::vector<GoldActor>> gold;
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(cell);
    if (cells.size() != 3) {
      std::fprintf(stderr, "actor_eval: %s:%d: needs 3 columns\n", gold_path,
                   lineno);
      return 2;
    }
    GoldActor g;
    g.optional = !cells[1].empty() && cells[1][0] == '?';
    g.type = g.optional ? cells[1].substr(1) : cells[1];
    std::stringstream names(cells[2]);
    std::string name;
    while (std::getline(names, name, '|')) {
      if (g.name.empty()) g.name = name;
      g.keys.insert(newsdex::actor_key(name));
    }
    gold[cells[0]].push_back(std::move(g));
  }

  // Reuters articles come from the JSON Lines file, the rest from files.
  std::map<std::string, newsdex::Article> articles;
  std::set<std::string> wanted_reuters;
  for (const auto& [ref, _] : gold) {
    if (ref.rfind("reuters/", 0) == 0) {
      wanted_reuters.insert(ref.substr(8));
      continue;
    }
    newsdex::Article a;
    if (!load_article(ref, corpora, corpus, a)) {
      std::fprintf(stderr, "actor_eval: cannot read article %s\n", ref.c_str());
      return 2;
    }
    articles[ref] = std::move(a);
  }
  if (!wanted_reuters.empty()) {
    std::string path = corpora + "/reuters21578/reuters21578.jsonl.gz";
    bool ok_read = for_each_gz_line(path.c_str(), [&](const std::string& l) {
      auto j = nlohmann::json::parse(l);
      std::string id = j.value("id", "");
      if (!wanted_reuters.count(id)) return;
      newsdex::Article a;
      a.title = j.value("title", "");
      a.text = j.value("text", "");
      articles["reuters/" + id] = std::move(a);
    });
    if (!ok_read) {
      std::fprintf(stderr, "actor_eval: cannot open %s\n", path.c_str());
      return 2;
    }
  }

  auto gazetteer = newsdex::ActorGazetteer::with_builtin_table();
  struct Counts {
    std::size_t gold = 0, found = 0, extracted = 0, correct = 0;
  };
  std::map<std::string, Counts> counts;  // by type
  for (const auto& [ref, labels] : gold) {
    auto it = articles.find(ref);
    if (it == articles.end()) {
      std::fprintf(stderr, "actor_eval: article %s not found\n", ref.c_str());
      return 2;
    }
    auto actors =
        newsdex::extract_actors(it->second.title, it->second.text, gazetteer);
    std::vector<bool> hit(labels.size(), false);
    for (const auto& a : actors) {
      std::string type = newsdex::actor_type_name(a.type);
      std::string key = newsdex::actor_key(a.name);
      std::size_t match = labels.size();
      for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i].keys.count(key) && labels[i].type == type) match = i;
      }
      if (match < labels.size() && labels[match].optional) continue;
      ++counts[type].extracted;
      if (match < labels.size() && !hit[match]) {
        hit[match] = true;
        ++counts[type].correct;
      } else if (verbose()) {
        std::printf("false %s %s: %s\n", type.c_str(), ref.c_str(),
                    a.name.c_str());
      }
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (labels[i].optional) continue;
      ++counts[labels[i].type].gold;
      if (hit[i]) {
        ++counts[labels[i].type].found;
      } else if (verbose()) {
        std::printf("missed %s %s: %s\n", labels[i].type.c_str(), ref.c_str(),
                    labels[i].name.c_str());
      }
    }
  }
  std::string heading =
      "gold set (" + std::to_string(gold.size()) + " articles)";
  std::printf("%-34s %8s %8s %10s %8s\n", heading.c_str(), "labelled", "found",
              "precision", "recall");
  int status = 0;
  for (const char* type : {"person", "org"}) {
    const Counts& c = counts[type];
    double precision = percent(c.correct, c.extracted);
    double recall = percent(c.found, c.gold);
    double target = std::strcmp(type, "person") == 0 ? 90 : 80;
    std::printf("%-34s %8zu %8zu %9.1f%% %7.1f%%  (target %.0f%%)\n", type,
                c.gold, c.found, precision, recall, target);
    double min = std::strcmp(type, "person") == 0 ? min_person : min_org;
    if (min >= 0 && (precision < min || recall < min)) {
      std::fprintf(stderr,
                   "actor_eval: %s precision %.1f%% / recall %.1f%% below "
                   "%.1f%%\n",
                   type, precision, recall, min);
      status = 1;
    }
  }
  return status;
}

}  // namespace

// Extraction time over every article of a JSON Lines file.
int time_mode(const char* path) {
  auto gazetteer = newsdex::ActorGazetteer::with_builtin_table();
  std::vector<std::pair<std::string, std::string>> articles;
  std::size_t bytes = 0;
  if (!for_each_gz_line(path, [&](const std::string& line) {
        auto j = nlohmann::json::parse(line);
        articles.emplace_back(j.value("title", ""), j.value("text", ""));
        bytes += articles.back().first.size() + articles.back().second.size();
      })) {
    std::fprintf(stderr, "actor_eval: cannot open %s\n", path);
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  std::size_t found = 0;
  for (const auto& [title, text] : articles) {
    found += newsdex::extract_actors(title, text, gazetteer).size();
  }
  double s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf("%zu articles, %.1f MB, %zu actors: %.2f s (%.1f MB/s)\n",
              articles.size(), static_cast<double>(bytes) / 1e6, found, s,
              static_cast<double>(bytes) / 1e6 / s);
  return 0;
}

int main(int argc, char** argv) {
  if (argc >= 3 && std::strcmp(argv[1], "time") == 0) {
    return time_mode(argv[2]);
  }
  if (argc >= 3 && std::strcmp(argv[1], "reuters") == 0) {
    return reuters_mode(argv[2], option(argc, argv, 3, "--min-recall"));
  }
  if (argc >= 5 && std::strcmp(argv[1], "gold") == 0) {
    return gold_mode(argv[2], argv[3], argv[4],
                     option(argc, argv, 5, "--min-person"),
                     option(argc, argv, 5, "--min-org"));
  }
  std::fprintf(stderr,
               "usage: newsdex_actor_eval reuters REUTERS_JSONL_GZ "
               "[--min-recall PCT]\n"
               "       newsdex_actor_eval gold GOLD_TSV CORPORA_DIR CORPUS_DIR "
               "[--min-person PCT] [--min-org PCT]\n");
  return 2;
}
