// The peers scripts/bench compares newsdex with, done the plain way:
//   peer_xapian txt JSONL[.gz] DIR   one .txt file per record (title, blank
//                                    line, text): the input every peer reads
//   peer_xapian index DIR DB         a minimal Xapian indexer: TermGenerator,
//                                    English stemming, positions, text
//                                    stored, one commit
//   peer_xapian query DB QUERIES R   top 10 with MSet::snippet (default
//                                    flags) for each query, R rounds; prints
//                                    p50 p95 p99 in ms
//   peer_xapian rank JSONL QUERIES N the plain Xapian BM25 baseline that
//                                    scripts/relevance compares newsdex
//                                    with: indexes JSONL's {"id","title",
//                                    "text"} in memory (TermGenerator,
//                                    English stemming, STEM_SOME), parses
//                                    each "qid<TAB>text" line of QUERIES
//                                    with QueryParser (default OP_OR,
//                                    STEM_SOME) and prints "qid<TAB>id" for
//                                    its top N under the default BM25Weight
// Not a test: timing never goes in tests.
#include <xapian.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Reads JSON Lines records (gzip or plain) and calls `each` with each one.
template <typename Each>
bool read_jsonl(const std::string& path, Each each) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (!in) return false;
  std::string line;
  char buf[1 << 16];
  auto flush = [&] {
    if (line.empty()) return;
    auto j = nlohmann::json::parse(line, nullptr, false);
    line.clear();
    if (!j.is_discarded()) each(j);
  };
  while (gzgets(in, buf, sizeof buf)) {
    line += buf;
    if (!line.empty() && line.back() == '\n') flush();
  }
  flush();
  gzclose(in);
  return true;
}

int write_txt(const std::string& jsonl, const fs::path& dir) {
  fs::create_directories(dir);
  std::size_t n = 0;
  bool read = read_jsonl(jsonl, [&](const nlohmann::json& j) {
    std::string title = j.value("title", ""), text = j.value("text", "");
    std::ofstream(dir / (std::to_string(n++) + ".txt")) << title << "\n\n"
                                                        << text << "\n";
  });
  return read ? 0 : 1;
}

int index(const fs::path& dir, const std::string& db_path) {
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    Xapian::Document doc;
    doc.set_data(ss.str());
    tg.set_document(doc);
    tg.index_text(ss.str());
    db.add_document(doc);
  }
  db.commit();
  return 0;
}

int query(const std::string& db_path, const std::string& query_file,
          int rounds) {
  Xapian::Database db(db_path);
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  std::vector<std::string> queries;
  std::ifstream in(query_file);
  for (std::string q; std::getline(in, q);) queries.push_back(q);
  std::vector<double> ms;
  Xapian::Stem stem("english");
  std::size_t bytes = 0;
  for (int r = 0; r < rounds; ++r) {
    for (const auto& q : queries) {
      auto start = std::chrono::steady_clock::now();
      Xapian::Enquire enquire(db);
      enquire.set_query(qp.parse_query(q));
      Xapian::MSet mset = enquire.get_mset(0, 10);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        bytes += mset.snippet(it.get_document().get_data(), 200, stem).size();
      }
      ms.push_back(std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - start)
                       .count());
    }
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) {
    return ms[static_cast<std::size_t>(p * static_cast<double>(ms.size() - 1))];
  };
  std::printf("%.3f %.3f %.3f\n", at(0.5), at(0.95), at(0.99));
  return bytes > 0 ? 0 : 1;
}

int rank(const std::string& jsonl, const std::string& query_file,
         Xapian::doccount depth) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  bool read = read_jsonl(jsonl, [&](const nlohmann::json& j) {
    Xapian::Document doc;
    doc.set_data(j.value("id", ""));
    tg.set_document(doc);
    tg.index_text(j.value("title", ""));
    tg.increase_termpos();
    tg.index_text(j.value("text", ""));
    db.add_document(doc);
  });
  if (!read) return 1;
  db.commit();
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  std::ifstream in(query_file);
  for (std::string line; std::getline(in, line);) {
    std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string qid = line.substr(0, tab);
    Xapian::Query q;
    try {
      q = qp.parse_query(line.substr(tab + 1));
    } catch (const Xapian::QueryParserError&) {
      continue;  // no results: the query scores 0
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    Xapian::MSet mset = enquire.get_mset(0, depth);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      std::printf("%s\t%s\n", qid.c_str(),
                  it.get_document().get_data().c_str());
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> a(argv + 1, argv + argc);
  if (a.size() == 3 && a[0] == "txt") return write_txt(a[1], a[2]);
  if (a.size() == 3 && a[0] == "index") return index(a[1], a[2]);
  if (a.size() == 4 && a[0] == "query")
    return query(a[1], a[2], std::stoi(a[3]));
  if (a.size() == 4 && a[0] == "rank")
    return rank(a[1], a[2], static_cast<Xapian::doccount>(std::stoul(a[3])));
  std::fprintf(stderr, "usage: see tests/bench/peer_xapian.cc\n");
  return 2;
}
