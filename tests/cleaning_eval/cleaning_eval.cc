// Measures the page cleaner: frames clean BBC articles as scraped pages
// (furniture from frames.txt, teasers cut from other BBC articles, before
// and after), reproducibly from a fixed seed, and scores what the cleaner
// keeps against the known labels; also the hand-labelled seed pages and
// the clean BBC folder. Prints a table. Used by scripts/cleaning-quality.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "common/page_cleaner.h"
#include "common/text_utf8.h"

namespace fs = std::filesystem;
using newsdex::BlockKind;

namespace {

struct Gold {
  std::string text;
  std::string label;  // article, headline, boilerplate, other-story
};

struct Tally {
  double article = 0, article_kept = 0;  // characters
  double noise = 0, noise_dropped = 0;
  std::map<std::string, std::pair<double, double>> by_label;  // total, right
  // Blocks: article blocks kept (true positives), noise blocks kept (false
  // positives), article blocks dropped (false negatives).
  std::size_t tp = 0, fp = 0, fn = 0;
  void add(const Gold& g, bool kept) {
    double n = static_cast<double>(g.text.size());
    bool is_article = g.label == "article";
    if (g.label == "headline") return;  // titles are judged separately
    if (is_article) {
      (kept ? tp : fn)++;
    } else if (kept) {
      ++fp;
    }
    if (is_article) {
      article += n;
      if (kept) article_kept += n;
    } else {
      noise += n;
      if (!kept) noise_dropped += n;
    }
    auto& [total, right] = by_label[g.label];
    total += n;
    if (kept == is_article) right += n;
  }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    auto t = newsdex::trim_space(line);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

// Scores the cleaner on one page against its gold blocks (in page order).
void score_page(const std::vector<Gold>& gold, Tally& tally, int& titles_right,
                int& titles) {
  std::string page;
  for (const auto& g : gold) page += g.text + "\n\n";
  newsdex::CleanedPage cleaned = newsdex::clean_page(page);
  // A gold paragraph is kept when a kept block holds it (the cleaner may
  // join paragraphs a page split mid-sentence); each kept text once.
  std::string kept;
  for (const auto& b : cleaned.blocks) {
    if (b.kind == BlockKind::kArticle)
      kept += newsdex::fold_case(b.text) + "\n";
  }
  std::string headline;
  for (const auto& g : gold) {
    if (g.label == "headline" && headline.empty()) headline = g.text;
    std::string want = newsdex::fold_case(g.text);
    auto at = kept.find(want);
    bool k = at != std::string::npos;
    if (k) kept.replace(at, want.size(), std::string(want.size(), '\x01'));
    tally.add(g, k);
    // NEWSDEX_CLEANING_EVAL_VERBOSE=1: every block judged wrong.
    static const bool verbose = [] {
      const char* v = std::getenv("NEWSDEX_CLEANING_EVAL_VERBOSE");
      return v != nullptr && *v == '1';
    }();
    if (verbose && g.label != "headline" && k != (g.label == "article")) {
      std::printf("%s %s (%zu chars): %.100s\n", k ? "kept" : "dropped",
                  g.label.c_str(), g.text.size(), g.text.c_str());
    }
  }
  ++titles;
  if (cleaned.headline == headline) ++titles_right;
}

// A teaser of another article: its headline and its first paragraph, cut
// off with an ellipsis, or whole.
std::vector<Gold> teaser(const std::vector<std::string>& other,
                         std::mt19937& rng) {
  std::vector<Gold> out;
  if (other.size() < 2) return out;
  out.push_back({other[0], "other-story"});
  std::string summary = other[1];
  if (rng() % 3 != 0) {
    std::size_t cut = std::min<std::size_t>(summary.size(), 80 + rng() % 60);
    while (cut > 0 && summary[cut] != ' ') --cut;
    summary = summary.substr(0, cut) + (rng() % 2 ? "…" : "...");
  }
  out.push_back({summary, "other-story"});
  return out;
}

void print_row(const std::string& name, const Tally& t, int titles_right,
               int titles) {
  std::printf("%-26s %10.2f%% %12.2f%% %8d/%d\n", name.c_str(),
              t.article ? 100 * t.article_kept / t.article : 100.0,
              t.noise ? 100 * t.noise_dropped / t.noise : 100.0, titles_right,
              titles);
  std::printf("    %-22s %9.2f%% precision, %.2f%% recall (blocks)\n",
              "article text",
              t.tp + t.fp ? 100.0 * t.tp / (t.tp + t.fp) : 100.0,
              t.tp + t.fn ? 100.0 * t.tp / (t.tp + t.fn) : 100.0);
  for (const auto& [label, v] : t.by_label) {
    std::printf("    %-22s %9.2f%% of %.0f chars right\n", label.c_str(),
                v.first ? 100 * v.second / v.first : 100.0, v.first);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: cleaning_eval BBC_DIR CORPUS_DIR SEED_LABELS FRAMES "
                 "[PAGES] [SEED] [check]\n";
    return 2;
  }
  fs::path bbc = argv[1], corpus = argv[2];
  std::string labels_file = argv[3], frames_file = argv[4];
  int pages = argc > 5 ? std::stoi(argv[5]) : 500;
  unsigned seed =
      argc > 6 ? static_cast<unsigned>(std::stoul(argv[6])) : 20251122;

  std::vector<std::string> frames;
  for (auto& line : paragraphs(slurp(frames_file))) {
    if (line[0] != '#') frames.push_back(line);
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(bbc)) {
    if (e.path().extension() == ".txt" && e.path().filename() != "README.TXT") {
      std::string text = slurp(e.path());
      if (newsdex::find_invalid_utf8(text) == std::string::npos)
        files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::printf("%-26s %11s %13s %10s\n", "set", "article kept", "noise dropped",
              "headline");

  // 1. Clean BBC articles as they are.
  Tally clean;
  int clean_titles = 0, clean_total = 0;
  for (const auto& f : files) {
    auto paras = paragraphs(slurp(f));
    std::vector<Gold> gold;
    for (std::size_t i = 0; i < paras.size(); ++i) {
      gold.push_back({paras[i], i == 0 ? "headline" : "article"});
    }
    score_page(gold, clean, clean_titles, clean_total);
  }
  print_row("BBC as it is", clean, clean_titles, clean_total);

  // 2. Framed BBC articles.
  std::mt19937 rng(seed);
  Tally framed;
  int framed_titles = 0, framed_total = 0;
  for (int p = 0; p < pages; ++p) {
    auto paras = paragraphs(slurp(files[rng() % files.size()]));
    std::vector<Gold> gold;
    auto furniture = [&](int n) {
      for (int i = 0; i < n; ++i)
        gold.push_back({frames[rng() % frames.size()], "boilerplate"});
    };
    furniture(static_cast<int>(rng() % 3));
    if (rng() % 2) {
      auto t = teaser(paragraphs(slurp(files[rng() % files.size()])), rng);
      gold.insert(gold.end(), t.begin(), t.end());
    }
    for (std::size_t i = 0; i < paras.size(); ++i) {
      gold.push_back({paras[i], i == 0 ? "headline" : "article"});
    }
    furniture(static_cast<int>(rng() % 4));
    int teasers = 2 + static_cast<int>(rng() % 4);
    for (int i = 0; i < teasers; ++i) {
      auto t = teaser(paragraphs(slurp(files[rng() % files.size()])), rng);
      gold.insert(gold.end(), t.begin(), t.end());
    }
    furniture(static_cast<int>(rng() % 3));
    score_page(gold, framed, framed_titles, framed_total);
  }
  print_row("BBC framed (generated)", framed, framed_titles, framed_total);

  // 3. The seed pages, labelled by hand (file, label, start of the block).
  std::map<std::string, std::vector<std::pair<std::string, std::string>>>
      labels;
  for (auto& line : paragraphs(slurp(labels_file))) {
    if (line[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, '\t');) cells.push_back(cell);
    if (cells.size() >= 3) labels[cells[0]].push_back({cells[1], cells[2]});
  }
  Tally seeds;
  int seed_titles = 0, seed_total = 0;
  for (const auto& [file, rows] : labels) {
    auto paras = paragraphs(slurp(corpus / file));
    std::vector<Gold> gold;
    for (const auto& para : paras) {
      std::string label = "article";
      for (const auto& [l, start] : rows) {
        if (para.rfind(start, 0) == 0) label = l;
      }
      gold.push_back({para, label});
    }
    score_page(gold, seeds, seed_titles, seed_total);
  }
  print_row("seed pages (hand labels)", seeds, seed_titles, seed_total);

  // With "check", the targets are assertions (exit 1 on a miss).
  if (argc > 7 && std::string(argv[7]) == "check") {
    auto pct = [](double part, double whole) {
      return whole ? 100 * part / whole : 100.0;
    };
    struct Target {
      const char* what;
      double value, min;
    };
    const Target targets[] = {
        {"clean BBC text kept", pct(clean.article_kept, clean.article), 99.5},
        {"framed article text kept", pct(framed.article_kept, framed.article),
         98},
        {"framed noise dropped", pct(framed.noise_dropped, framed.noise), 95},
        {"seed article text kept", pct(seeds.article_kept, seeds.article), 98},
        {"seed noise dropped", pct(seeds.noise_dropped, seeds.noise), 95},
    };
    int status = 0;
    for (const Target& t : targets) {
      if (t.value < t.min) {
        std::fprintf(stderr, "cleaning_eval: %s %.2f%% is below %.1f%%\n",
                     t.what, t.value, t.min);
        status = 1;
      }
    }
    return status;
  }
  return 0;
}
