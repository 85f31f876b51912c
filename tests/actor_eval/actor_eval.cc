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
//                     [--min-person-precision PCT] [--min-person-recall PCT]
//                     [--min-org-precision PCT] [--min-org-recall PCT]
//     A hand-labelled gold set (tests/data/actor_gold*.tsv): precision and
//     recall of persons and organisations over its articles (BBC pages,
//     seed pages, Reuters, RUWA, HuffPost records and ISW excerpts).
//     --dump FILE writes the articles as newsdex reads them (JSON Lines
//     ref, title, text); --predictions FILE scores another extractor's
//     output (TSV ref, type, name) instead of newsdex's.
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
#include "common/document_record.h"
#include "indexer/article_prep.h"
#include "indexer/extract/actor_extractor.h"
#include "indexer/extract/byline.h"

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

// JSON Lines corpora a gold reference may name, by their folder.
const std::map<std::string, std::string> kJsonlCorpora{
    {"reuters", "reuters21578/reuters21578.jsonl.gz"},
    {"ruwa", "ruwa_ukraine/ruwa_ukraine.jsonl.gz"},
    {"huffpost", "huffpost_subset/huffpost_subset.jsonl.gz"},
    {"isw", "isw_ukraine/isw_ukraine.jsonl.gz"}};

// Paragraphs A..B-1 of `text` (split at blank lines) for a reference that
// ends in "#pA-B", as scripts/actor-gold-sample cut them.
std::string paragraphs(const std::string& text, const std::string& ref) {
  std::size_t hash = ref.rfind("#p");
  std::size_t from = std::stoul(ref.substr(hash + 2));
  std::size_t to = std::stoul(ref.substr(ref.find('-', hash) + 1));
  std::string out;
  std::size_t pos = 0;
  for (std::size_t n = 0; n < to; ++n) {
    std::size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    if (n >= from) {
      if (!out.empty()) out += "\n\n";
      out += text.substr(pos, end - pos);
    }
    if (end == text.size()) break;
    pos = end + 2;
  }
  return out;
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

// Minimum precision and recall (percent; negative: none) per type.
struct GoldTargets {
  double person_precision = -1, person_recall = -1;
  double org_precision = -1, org_recall = -1;
};

// Another extractor's output to score instead of newsdex's
// (--predictions FILE: TSV ref, type, name), and where to write the
// articles as newsdex reads them for that extractor (--dump FILE: JSON
// Lines {"ref", "title", "text"}).
struct GoldIo {
  std::string predictions, dump;
};

int gold_mode(const char* gold_path, const std::string& corpora,
              const std::string& corpus, const GoldTargets& targets,
              const GoldIo& io) {
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
    if (cells[1] == "none") {  // an article that names no actor
      gold[cells[0]];
      continue;
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

  // Records of JSON Lines corpora ("reuters/ID", "ruwa/ID", "huffpost/ID",
  // "isw/ID#pA-B") come from their files, pages from files.
  std::map<std::string, newsdex::Article> articles;
  std::map<std::string, std::set<std::string>> wanted;  // corpus -> refs
  for (const auto& [ref, _] : gold) {
    std::string corpus_name = ref.substr(0, ref.find('/'));
    if (kJsonlCorpora.count(corpus_name)) {
      wanted[corpus_name].insert(ref);
      continue;
    }
    newsdex::Article a;
    if (!load_article(ref, corpora, corpus, a)) {
      std::fprintf(stderr, "actor_eval: cannot read article %s\n", ref.c_str());
      return 2;
    }
    articles[ref] = std::move(a);
  }
  for (const auto& [corpus_name, refs] : wanted) {
    std::string path = corpora + "/" + kJsonlCorpora.at(corpus_name);
    bool ok_read = for_each_gz_line(path.c_str(), [&](const std::string& l) {
      auto j = nlohmann::json::parse(l);
      std::string base = corpus_name + "/" + j.value("id", "");
      for (auto it = refs.lower_bound(base);
           it != refs.end() && it->compare(0, base.size(), base) == 0; ++it) {
        const std::string& ref = *it;
        if (ref.size() > base.size() && ref[base.size()] != '#') continue;
        newsdex::Article a;
        a.title = j.value("title", "");
        a.text = j.value("text", "");
        if (ref.size() > base.size()) a.text = paragraphs(a.text, ref);
        if (corpus_name != "reuters") newsdex::prepare_article(a, true);
        articles[ref] = std::move(a);
      }
    });
    if (!ok_read) {
      std::fprintf(stderr, "actor_eval: cannot open %s\n", path.c_str());
      return 2;
    }
  }

  auto gazetteer = newsdex::ActorGazetteer::with_builtin_table();
  std::map<std::string, std::set<std::string>> aliases;  // canonical key
  for (const auto& group : gazetteer.alias_groups()) {
    if (group.empty()) continue;
    auto& keys = aliases[newsdex::actor_key(group.front())];
    for (const auto& name : group) keys.insert(newsdex::actor_key(name));
  }
  struct Counts {
    std::size_t gold = 0, found = 0, extracted = 0, correct = 0;
  };
  std::map<std::string, Counts> counts;  // by type
  std::map<std::string, std::vector<newsdex::Actor>> predicted;
  if (!io.predictions.empty()) {
    std::ifstream p(io.predictions);
    if (!p) {
      std::fprintf(stderr, "actor_eval: cannot open %s\n",
                   io.predictions.c_str());
      return 2;
    }
    std::string row;
    while (std::getline(p, row)) {
      std::stringstream cells(row);
      std::string ref, type, name;
      if (!std::getline(cells, ref, '\t') || !std::getline(cells, type, '\t') ||
          !std::getline(cells, name)) {
        continue;
      }
      predicted[ref].push_back({name, type == "org"
                                          ? newsdex::ActorType::kOrg
                                          : newsdex::ActorType::kPerson});
    }
  }
  std::ofstream dump;
  if (!io.dump.empty()) dump.open(io.dump);
  for (const auto& [ref, labels] : gold) {
    auto it = articles.find(ref);
    if (it == articles.end()) {
      std::fprintf(stderr, "actor_eval: article %s not found\n", ref.c_str());
      return 2;
    }
    // As the indexer reads it: a byline names authors, not actors.
    std::string_view text = it->second.text;
    text.remove_prefix(newsdex::find_byline(text, it->second.title).length);
    if (dump.is_open()) {
      dump << nlohmann::json{{"ref", ref},
                             {"title", it->second.title},
                             {"text", std::string(text)}}
                  .dump()
           << '\n';
    }
    auto actors =
        io.predictions.empty()
            ? newsdex::extract_actors(it->second.title, text, gazetteer)
            : predicted[ref];
    std::vector<bool> hit(labels.size(), false);
    for (const auto& a : actors) {
      std::string type = newsdex::actor_type_name(a.type);
      // A gazetteer actor matches a label under any of its names (the
      // label may give "U.S. Agriculture Department" for the gazetteer's
      // "U.S. Department of Agriculture").
      std::set<std::string> keys{newsdex::actor_key(a.name)};
      if (auto it = aliases.find(newsdex::actor_key(a.name));
          it != aliases.end()) {
        keys.insert(it->second.begin(), it->second.end());
      }
      std::size_t match = labels.size();
      for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i].type != type) continue;
        for (const auto& key : keys) {
          if (labels[i].keys.count(key)) match = i;
        }
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
    bool person = std::strcmp(type, "person") == 0;
    double min_p = person ? targets.person_precision : targets.org_precision;
    double min_r = person ? targets.person_recall : targets.org_recall;
    std::printf("%-34s %8zu %8zu %9.1f%% %7.1f%%", type, c.gold, c.found,
                precision, recall);
    if (min_p >= 0 || min_r >= 0) {
      std::printf("  (targets %g%% / %g%%)", min_p, min_r);
    }
    std::printf("\n");
    if ((min_p >= 0 && precision < min_p) || (min_r >= 0 && recall < min_r)) {
      std::fprintf(stderr,
                   "actor_eval: %s precision %.1f%% / recall %.1f%% below "
                   "%g%% / %g%%\n",
                   type, precision, recall, min_p, min_r);
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
    GoldTargets t;
    double both = option(argc, argv, 5, "--min-person");
    t.person_precision = t.person_recall = both;
    both = option(argc, argv, 5, "--min-org");
    t.org_precision = t.org_recall = both;
    for (auto [name, field] :
         {std::pair{"--min-person-precision", &t.person_precision},
          std::pair{"--min-person-recall", &t.person_recall},
          std::pair{"--min-org-precision", &t.org_precision},
          std::pair{"--min-org-recall", &t.org_recall}}) {
      double v = option(argc, argv, 5, name);
      if (v >= 0) *field = v;
    }
    GoldIo io;
    for (int i = 5; i + 1 < argc; ++i) {
      if (std::strcmp(argv[i], "--predictions") == 0)
        io.predictions = argv[i + 1];
      if (std::strcmp(argv[i], "--dump") == 0) io.dump = argv[i + 1];
    }
    return gold_mode(argv[2], argv[3], argv[4], t, io);
  }
  std::fprintf(stderr,
               "usage: newsdex_actor_eval reuters REUTERS_JSONL_GZ "
               "[--min-recall PCT]\n"
               "       newsdex_actor_eval gold GOLD_TSV CORPORA_DIR CORPUS_DIR "
               "[--min-person PCT] [--min-org PCT] [--min-person-precision "
               "PCT] [--min-person-recall PCT] [--min-org-precision PCT] "
               "[--min-org-recall PCT]\n");
  return 2;
}
