// End-to-end tests of the layouts a database can have: one database built
// by one thread, one merged from parallel shards (--jobs), shards kept
// behind a stub (--shards), and the same shards served by xapian-tcpsrv
// on loopback ports. Every layout must answer every query alike.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "e2e/run_program.h"

namespace fs = std::filesystem;

namespace newsdex::e2e {
namespace {

const bool kNoShared = shared_corpora().empty();

// The queries every layout is compared on: words, phrases, fields,
// filters, actors, dates, sorting, paging, collapsing.
const std::vector<std::vector<std::string>> kQueries = {
    {"talks"},
    {"ceasefire OR glacier"},
    {"\"prisoner exchange\""},
    {"title:peace"},
    {"actor:putin"},
    {"--actor", "Zelenskyy", "war"},
    {"--since", "2025-01-01", "russia"},
    {"--sort", "date", "ukraine"},
    {"--offset", "2", "the"},
    {"oil prices"},
    {"grain"},
    {"\"crude oil\""},
    {"--source", "reuters", "bank rate"},
    {"--collapse", "oil prices"},
    {"--collapse", "--offset", "3", "grain"},
};

// What a search prints, without the time it took.
std::vector<nlohmann::json> answer(const std::string& db,
                                   const std::vector<std::string>& query,
                                   bool remote = false) {
  std::vector<std::string> args{"--db",
                                db,
                                "--json",
                                "--limit",
                                "20",
                                "--facets",
                                "source,date:month,actor"};
  args.insert(args.end(), query.begin(), query.end());
  ProgramResult r = run("newsdex-search", args);
  REQUIRE_MESSAGE(r.exit_code <= 1, r.err);
  auto lines = json_lines(r.out);
  for (auto& line : lines) {
    if (line["type"] == "summary") {
      line["data"].erase("elapsed_ms");
      // Xapian's remote backend has no spelling data.
      if (remote) line["data"].erase("suggestion");
    }
  }
  return lines;
}

void check_same_answers(const std::string& expected_db, const std::string& db,
                        bool remote = false) {
  for (const auto& q : kQueries) {
    CAPTURE(q.back());
    auto want = answer(expected_db, q, remote);
    auto got = answer(db, q, remote);
    CHECK(want == got);
  }
}

nlohmann::json index(const std::string& db, std::vector<std::string> args) {
  std::vector<std::string> all{"--db", db, "--json"};
  all.insert(all.end(), args.begin(), args.end());
  ProgramResult r = run("newsdex-index", all);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return nlohmann::json::parse(r.out)["data"];
}

// A loopback port nobody listens on now.
int free_port() {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t len = sizeof addr;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  ::close(s);
  return port;
}

bool accepts(int port) {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(s);
  return ok;
}

// xapian-tcpsrv serving one shard on a loopback port, stopped on scope exit.
class TcpServer {
 public:
  explicit TcpServer(const fs::path& shard) : port_(free_port()) {
    pid_ = ::fork();
    if (pid_ == 0) {
      // Its own process group: xapian-tcpsrv signals its whole group when
      // it is told to stop, which must not include this test.
      ::setpgid(0, 0);
      std::string port = std::to_string(port_);
      ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface",
               "127.0.0.1", "--port", port.c_str(), shard.c_str(),
               static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 100 && !accepts(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~TcpServer() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  int port() const { return port_; }
  bool running() const { return accepts(port_); }

 private:
  int port_;
  pid_t pid_;
};

bool have_tcpsrv() {
  return std::system("command -v xapian-tcpsrv >/dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE(
    "--jobs 2 merges parallel shards into one database that answers "
    "like a one-thread build") {
  fs::path dir = scratch("jobs");
  std::string one = (dir / "one").string(), two = (dir / "two").string();
  auto s1 = index(one, {"--jobs", "1", corpus_dir().string()});
  auto s2 = index(two, {"--jobs", "2", corpus_dir().string()});
  CHECK(s1["documents"] == 5);
  CHECK(s2["documents"] == 5);
  CHECK(s2["added"] == 5);
  // One database, no shards or stub left behind.
  CHECK(fs::exists(fs::path(two) / "iamglass"));
  CHECK_FALSE(fs::exists(fs::path(two) / "XAPIANDB"));
  CHECK_FALSE(fs::exists(two + ".shards"));
  check_same_answers(one, two);
  // A second run with --jobs 2 on the merged database changes nothing.
  auto again = index(two, {"--jobs", "2", corpus_dir().string()});
  CHECK(again["unchanged"] == 5);
  CHECK(again["documents"] == 5);
}

TEST_CASE(
    "relevance ties come in indexing order in every layout, also after "
    "later runs add articles") {
  fs::path dir = scratch("ties");
  fs::path input = dir / "ties.jsonl";
  auto write_records = [&](int first, int last) {
    std::ofstream out(input);
    for (int i = first; i <= last; ++i) {
      out << R"({"id": "tie-)" << i
          << R"(", "title": "Harbour note", "text": "The harbour reopened."})"
          << "\n";
    }
  };
  auto order = [](const std::string& db) {
    std::vector<std::string> ids;
    for (const auto& hit : of_type(answer(db, {"harbour"}), "hit")) {
      ids.push_back(hit["id"]);
    }
    return ids;
  };
  std::vector<std::string> expected;
  for (int i = 1; i <= 12; ++i) expected.push_back("tie-" + std::to_string(i));

  write_records(1, 9);
  std::string one = (dir / "one").string(), two = (dir / "two").string(),
              sharded = (dir / "sharded").string();
  index(one, {"--jobs", "1", input.string()});
  index(two, {"--jobs", "2", input.string()});
  index(sharded, {"--shards", "2", input.string()});
  std::vector<std::string> first_nine(expected.begin(), expected.begin() + 9);
  CHECK(order(one) == first_nine);
  CHECK(order(two) == first_nine);
  CHECK(order(sharded) == first_nine);
  // Only the one-writer database promises document ids in indexing order
  // (then ties need no sort); merged parallel shards interleave them.
  CHECK(Xapian::Database(one).get_metadata("newsdex.docid_order") ==
        "sequence");
  CHECK(Xapian::Database(two).get_metadata("newsdex.docid_order").empty());

  // Later runs append, with one writer or several.
  write_records(10, 12);
  index(one, {"--jobs", "2", input.string()});
  index(two, {"--jobs", "2", input.string()});
  CHECK(order(one) == expected);
  CHECK(order(two) == expected);
  CHECK(Xapian::Database(one).get_metadata("newsdex.docid_order") ==
        "sequence");
}

TEST_CASE(
    "--shards 2 keeps two shards behind a stub that answers like one "
    "database, and updates land in the shard that holds the article") {
  fs::path dir = scratch("shards");
  std::string one = (dir / "one").string(),
              sharded = (dir / "sharded").string();
  index(one, {"--jobs", "1", corpus_dir().string()});
  auto s = index(sharded, {"--shards", "2", corpus_dir().string()});
  CHECK(s["documents"] == 5);
  std::ifstream stub(fs::path(sharded) / "XAPIANDB");
  std::string l1, l2;
  std::getline(stub, l1);
  std::getline(stub, l2);
  CHECK(l1 == "auto shard-0");
  CHECK(l2 == "auto shard-1");
  check_same_answers(one, sharded);
  // Searching the stub file itself works too.
  CHECK(answer((fs::path(sharded) / "XAPIANDB").string(), {"talks"}) ==
        answer(one, {"talks"}));

  // Re-indexing keeps the layout, and a changed article replaces its old
  // version in place rather than adding a copy to the other shard.
  auto again = index(sharded, {corpus_dir().string()});
  CHECK(again["unchanged"] == 5);
  fs::path changed = dir / "changed.jsonl";
  std::ofstream(changed)
      << R"({"id": "x-1", "title": "First", "text": "Alpha talks."})"
      << "\n"
      << R"({"id": "x-2", "title": "Second", "text": "Beta talks."})"
      << "\n";
  index(sharded, {changed.string()});
  std::ofstream(changed)
      << R"({"id": "x-1", "title": "First", "text": "Gamma talks."})"
      << "\n";
  auto update = index(sharded, {changed.string()});
  CHECK(update["updated"] == 1);
  CHECK(update["documents"] == 7);
  auto total = [&](const std::string& q) {
    auto summary = of_type(answer(sharded, {q}), "summary");
    REQUIRE(summary.size() == 1);
    return summary[0]["total"].get<int>();
  };
  CHECK(total("gamma") == 1);
  CHECK(total("alpha") == 0);

  SUBCASE("a sharded folder keeps its shard count") {
    ProgramResult r = run("newsdex-index", {"--db", sharded, "--shards", "3",
                                            corpus_dir().string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("has 2 shards, not 3") != std::string::npos);
  }
  SUBCASE("--shards refuses to turn a database into shards") {
    ProgramResult r = run(
        "newsdex-index", {"--db", one, "--shards", "2", corpus_dir().string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is one database") != std::string::npos);
  }
}

TEST_CASE(
    "remote shards served by xapian-tcpsrv answer like the merged "
    "database: same hits, totals and facet counts" *
    doctest::skip(!have_tcpsrv())) {
  fs::path dir = scratch("remote");
  std::string one = (dir / "one").string(),
              sharded = (dir / "sharded").string();
  std::vector<std::string> inputs{corpus_dir().string()};
  if (!kNoShared) {
    inputs.push_back(
        (shared_corpora() / "reuters21578" / "reuters21578.jsonl.gz").string());
  }
  std::vector<std::string> merged_args{"--jobs", "2"};
  merged_args.insert(merged_args.end(), inputs.begin(), inputs.end());
  index(one, merged_args);
  std::vector<std::string> shard_args{"--shards", "2"};
  shard_args.insert(shard_args.end(), inputs.begin(), inputs.end());
  index(sharded, shard_args);

  TcpServer s0(fs::path(sharded) / "shard-0");
  TcpServer s1(fs::path(sharded) / "shard-1");
  REQUIRE(s0.running());
  REQUIRE(s1.running());
  fs::path remote = dir / "remote";
  fs::create_directories(remote);
  std::ofstream(remote / "XAPIANDB")
      << "remote 127.0.0.1:" << s0.port() << "\n"
      << "remote 127.0.0.1:" << s1.port() << "\n";
  check_same_answers(one, remote.string(), true);
  // Features that cannot run on xapian-tcpsrv fail with a clear message.
  ProgramResult r =
      run("newsdex-search", {"--db", remote.string(), "talks", "--recent"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("remote shards") != std::string::npos);
}

}  // namespace newsdex::e2e
