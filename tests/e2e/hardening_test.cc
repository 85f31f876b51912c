// End-to-end tests of what must never take a run down: hostile records,
// bad folder entries, and the run's own summary.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <fstream>

#include "e2e/run_program.h"

namespace newsdex::e2e {
namespace {

void write(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

nlohmann::json summary_of(const ProgramResult& r) {
  auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 1);
  return lines[0]["data"];
}

bool skipped(const nlohmann::json& summary, const std::string& where_end,
             const std::string& reason_part) {
  for (const auto& r : summary["skipped_records"]) {
    std::string where = r["where"], reason = r["reason"];
    if (where.ends_with(where_end) &&
        reason.find(reason_part) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// `records` JSON Lines records of `words` random 7-letter words each:
// words no dictionary shares, so the index is about as big as the text.
std::string random_records(int records, int words) {
  std::string input;
  std::uint32_t state = 12345;
  for (int i = 0; i < records; ++i) {
    input += "{\"id\": \"" + std::to_string(i) + "\", \"text\": \"";
    for (int w = 0; w < words; ++w) {
      for (int c = 0; c < 7; ++c) {
        state = state * 1664525u + 1013904223u;
        input += static_cast<char>('a' + (state >> 24) % 26);
      }
      input += ' ';
    }
    input += "\"}\n";
  }
  return input;
}

// A small file system of its own (tmpfs) at `path`, to fill; needs the
// right to mount (root), and ok() is false without it.
class SmallDisk {
 public:
  SmallDisk(const std::filesystem::path& path, const char* size) : path_(path) {
    std::filesystem::create_directories(path);
    std::string options = std::string("size=") + size;
    mounted_ = ::mount("tmpfs", path.c_str(), "tmpfs", MS_NOSUID | MS_NODEV,
                       options.c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
  bool ok() const { return mounted_; }
  // Bytes in use on it.
  std::uint64_t used() const {
    struct statvfs st {};
    REQUIRE(::statvfs(path_.c_str(), &st) == 0);
    return static_cast<std::uint64_t>(st.f_blocks - st.f_bfree) * st.f_frsize;
  }

 private:
  std::filesystem::path path_;
  bool mounted_ = false;
};

}  // namespace

TEST_CASE("records that break parsing or indexing are named and skipped") {
  auto dir = scratch("hard_records");
  std::string long_source(250, 'x');
  std::string input =
      "{\"id\": \"a\", \"text\": \"first quokka\"}\n"
      "{\"id\": \"b\", \"text\": \"t\", \"n\": 1e400}\n"
      "{\"id\": \"c\", \"text\": \"t\", \"source\": \"" +
      long_source +
      "\"}\n"
      "{\"id\": \"d\", \"text\": \"t\", \"x\": " +
      std::string(100000, '[') +
      "}\n"
      "{\"id\": \"e\", \"text\": \"second quokka\"}\n";
  write(dir / "in.jsonl", input);
  for (const char* jobs : {"1", "2"}) {
    CAPTURE(jobs);
    std::string db = (dir / (std::string("db") + jobs)).string();
    for (int round = 0; round < 2; ++round) {  // new, then existing
      auto r = run("newsdex-index", {"--db", db, "--json", "--jobs", jobs,
                                     (dir / "in.jsonl").string()});
      CAPTURE(r.err);
      CHECK(r.exit_code == 0);
      auto s = summary_of(r);
      CHECK(s["skipped"] == 3);
      CHECK(skipped(s, "in.jsonl:2", "1e400"));
      CHECK(skipped(s, "in.jsonl:3", "source is too long"));
      CHECK(skipped(s, "in.jsonl:4", "nested deeper than 100 levels"));
      CHECK(s["documents"] == 2);
    }
  }
}

TEST_CASE("a bad byte in a metadata column skips that row, not the run") {
  auto dir = scratch("hard_metadata_byte");
  write(dir / "in" / "metadata.tsv",
        "file\tsource\ttitle\n"
        "a.txt\tGood News\tQuokka one\n"
        "b.txt\tBad \xff News\tQuokka two\n");
  write(dir / "in" / "a.txt", "Quokka one\n\nA quokka was counted.\n");
  write(dir / "in" / "b.txt", "Quokka two\n\nAnother quokka was counted.\n");
  std::string db = (dir / "db").string();
  auto r = run("newsdex-index", {"--db", db, "--json", (dir / "in").string()});
  CAPTURE(r.err);
  CHECK(r.exit_code == 0);
  auto s = summary_of(r);
  CHECK(skipped(s, "metadata.tsv:3", "invalid UTF-8"));
  CHECK(s["documents"] == 2);  // b.txt indexed without its metadata
}

TEST_CASE("a bad entry in one folder affects only that entry, warned") {
  auto dir = scratch("hard_folder");
  auto in = dir / "in";
  write(in / "one" / "metadata.tsv", "name\tsource\nx.txt\tNowhere\n");
  write(in / "one" / "p.txt", "Page one\n\nText of page one about quokkas.\n");
  write(in / "two" / "metadata.tsv", "file\tsource\nq.txt\tWild News\n");
  write(in / "two" / "q.txt", "Page two\n\nText of page two about quokkas.\n");
  std::filesystem::create_symlink("loop.txt", in / "two" / "loop.txt");
  std::string db = (dir / "db").string();
  auto r = run("newsdex-index", {"--db", db, "--json", in.string()});
  CAPTURE(r.err);
  CHECK(r.exit_code == 0);
  auto s = summary_of(r);
  CHECK(s["added"] == 2);
  CHECK(skipped(s, "one/metadata.tsv", "no 'file' column"));
  CHECK(skipped(s, "two/loop.txt", "cannot read"));
  CHECK(r.err.find("one/metadata.tsv") != std::string::npos);
  // two/'s metadata still applies.
  auto found = run("newsdex-search",
                   {"--db", db, "--json", "--source", "Wild News", "quokkas"});
  CHECK(found.exit_code == 0);
  CHECK(of_type(json_lines(found.out), "hit").size() == 1);
}

TEST_CASE("the --json summary survives invalid UTF-8 in warnings") {
  auto dir = scratch("hard_summary_utf8");
  write(dir / "in" / "bad\xff.txt", "Title\n\nText with a bad \xfe byte.\n");
  write(dir / "in" / "good.txt", "Title\n\nA good page about quokkas.\n");
  auto r = run("newsdex-index", {"--db", (dir / "db").string(), "--json",
                                 (dir / "in").string()});
  CHECK(r.exit_code == 0);
  auto s = summary_of(r);
  CHECK(s["added"] == 1);
  CHECK(s["skipped"] == 1);
  CHECK(s["skipped_records"][0]["where"].get<std::string>().ends_with(
      "bad\xef\xbf\xbd.txt"));
}

TEST_CASE("an id given twice in one input is one document, in any layout") {
  auto dir = scratch("hard_duplicate_ids");
  std::string input;
  for (int i = 0; i < 40; ++i) {
    input += "{\"id\": \"n" + std::to_string(i) +
             "\", \"text\": \"filler story\"}\n";
  }
  input += "{\"id\": \"twice\", \"text\": \"first wombat\"}\n";
  input += "{\"id\": \"once\", \"text\": \"other story\"}\n";
  input += "{\"id\": \"twice\", \"text\": \"second numbat\"}\n";
  write(dir / "in.jsonl", input);
  for (const char* jobs : {"1", "2", "3"}) {
    CAPTURE(jobs);
    std::string db = (dir / (std::string("db") + jobs)).string();
    auto r = run("newsdex-index", {"--db", db, "--json", "--jobs", jobs,
                                   (dir / "in.jsonl").string()});
    CHECK(r.exit_code == 0);
    auto s = summary_of(r);
    CHECK(s["documents"] == 42);
    CHECK(s["added"] == 42);
    CHECK(s["updated"] == 1);
    auto later = run("newsdex-search", {"--db", db, "--count", "numbat"});
    CHECK(later.out == "1\n");
    auto earlier = run("newsdex-search", {"--db", db, "--count", "wombat"});
    CHECK(earlier.out == "0\n");
  }
}

TEST_CASE("a second indexer on the same database is refused, clearly") {
  auto dir = scratch("hard_lock");
  std::string db = (dir / "db").string();
  int fd = ::open((db + ".lock").c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);  // as a running indexer does
  auto refused = run("newsdex-index", {"--db", db, corpus_dir().string()});
  CHECK(refused.exit_code == 2);
  CHECK(refused.out.empty());
  CHECK(refused.err.find("being written by another newsdex-index") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db));
  CHECK_FALSE(std::filesystem::exists(db + ".shards"));
  ::close(fd);
  auto r = run("newsdex-index", {"--db", db, corpus_dir().string()});
  CHECK(r.exit_code == 0);
  // The lock file's folder is made like the database's.
  auto nested = run("newsdex-index", {"--db", (dir / "a" / "b" / "db").string(),
                                      corpus_dir().string()});
  CHECK(nested.exit_code == 0);
}

TEST_CASE("what a killed build left behind is never merged into the next") {
  auto dir = scratch("hard_leftovers");
  write(dir / "old.jsonl", "{\"id\": \"ghost\", \"text\": \"ghost story\"}\n");
  write(dir / "new.jsonl", "{\"id\": \"real\", \"text\": \"real story\"}\n");
  std::string db = (dir / "db").string();
  // A shard as a killed --jobs 1 build leaves it.
  REQUIRE(run("newsdex-index",
              {"--db", (dir / "ghost").string(), (dir / "old.jsonl").string()})
              .exit_code == 0);
  std::filesystem::create_directories(db + ".shards");
  std::filesystem::rename(dir / "ghost", db + ".shards/shard-0");
  auto r = run("newsdex-index", {"--db", db, "--json", "--jobs", "1",
                                 (dir / "new.jsonl").string()});
  CAPTURE(r.err);
  CHECK(r.exit_code == 0);
  CHECK(summary_of(r)["documents"] == 1);
  CHECK(r.err.find("left over") != std::string::npos);
  CHECK(run("newsdex-search", {"--db", db, "--count", "ghost"}).out == "0\n");
  CHECK_FALSE(std::filesystem::exists(db + ".shards"));
}

TEST_CASE("a stub naming shards outside its folder is refused by both tools") {
  auto dir = scratch("hard_stub_traversal");
  write(dir / "db" / "XAPIANDB", "auto ../outside\n");
  auto index = run("newsdex-index", {"--db", (dir / "db").string(), "-"},
                   "{\"id\": \"a\", \"text\": \"t\"}\n");
  CHECK(index.exit_code == 2);
  CHECK(index.err.find("outside") != std::string::npos);
  CHECK(index.err.find("XAPIANDB:1") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "outside"));
  auto search = run("newsdex-search", {"--db", (dir / "db").string(), "x"});
  CHECK(search.exit_code == 2);
  CHECK(search.err.find("XAPIANDB:1") != std::string::npos);
  CHECK(search.err.find("names a shard outside") != std::string::npos);
}

TEST_CASE("a FIFO given as an input is refused, not waited on") {
  auto dir = scratch("hard_fifo");
  REQUIRE(::mkfifo((dir / "page.txt").c_str(), 0644) == 0);
  auto r = run("newsdex-index",
               {"--db", (dir / "db").string(), (dir / "page.txt").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("not a regular file") != std::string::npos);
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;  // it needs more address space
#else
constexpr bool kAddressSanitizer = false;
#endif

TEST_CASE("out of memory ends a parallel build with a message, not a crash" *
          doctest::skip(kAddressSanitizer)) {
  auto dir = scratch("hard_out_of_memory");
  std::string input = random_records(1500, 800);
  std::string db = (dir / "db").string();
  auto r = run_limited(300000, "newsdex-index",
                       {"--db", db, "--jobs", "2", "--no-actors", "-"}, input);
  CAPTURE(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("newsdex-index: error: out of memory") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db + ".shards"));
  CHECK_FALSE(std::filesystem::exists(db));

  // Updating an existing database (one writer fed by two preparing
  // threads): the same message, and the database as it was.
  REQUIRE(run("newsdex-index", {"--db", db, corpus_dir().string()}).exit_code ==
          0);
  auto update =
      run_limited(300000, "newsdex-index",
                  {"--db", db, "--jobs", "2", "--no-actors", "-"}, input);
  CAPTURE(update.err);
  CHECK(update.exit_code == 2);
  CHECK(update.err.find("newsdex-index: error: out of memory") !=
        std::string::npos);
  CHECK(run("newsdex-search", {"--db", db, "--count", ""}).out == "5\n");
}

TEST_CASE("a full disk ends the run with a message, the database as it was") {
  auto dir = scratch("hard_disk_full");
  SmallDisk disk(dir / "disk", "4m");
  if (!disk.ok()) {
    MESSAGE("skipped: cannot mount a small tmpfs here (needs root)");
    return;
  }
  std::string input = random_records(700, 800);  // 4.5 MB of text
  auto message_ok = [](const ProgramResult& r, const std::string& db) {
    CAPTURE(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("newsdex-index: error: no space left on the disk of " +
                     db) != std::string::npos);
    // One line.
    CHECK(r.err.find('\n') == r.err.size() - 1);
  };

  SUBCASE("a new database, in any layout, is not left half-made") {
    for (const char* jobs : {"1", "2"}) {
      CAPTURE(jobs);
      std::string db = (dir / "disk" / (std::string("new") + jobs)).string();
      auto r = run("newsdex-index",
                   {"--db", db, "--jobs", jobs, "--no-actors", "-"}, input);
      message_ok(r, db);
      CHECK(r.err.find("no database was made") != std::string::npos);
      CHECK_FALSE(std::filesystem::exists(db));
      CHECK_FALSE(std::filesystem::exists(db + ".shards"));
      CHECK_FALSE(std::filesystem::exists(db + ".merging"));
      CHECK(disk.used() < 64 * 1024);
    }
  }

  SUBCASE("an update keeps the database and gives the space back") {
    for (const char* shards : {"0", "2"}) {
      for (const char* jobs : {"1", "2"}) {
        CAPTURE(shards);
        CAPTURE(jobs);
        std::string db =
            (dir / "disk" / (std::string("db") + shards + jobs)).string();
        std::vector<std::string> build{"--db", db, corpus_dir().string()};
        if (std::string(shards) != "0") {
          build.insert(build.end(), {"--shards", shards});
        }
        REQUIRE(run("newsdex-index", build).exit_code == 0);
        std::uint64_t before = disk.used();
        auto r = run("newsdex-index",
                     {"--db", db, "--jobs", jobs, "--no-actors", "-"}, input);
        message_ok(r, db);
        CHECK(r.err.find("the database holds its 5 documents") !=
              std::string::npos);
        CHECK(disk.used() <= before + 64 * 1024);
        CHECK(run("newsdex-search", {"--db", db, "--count", ""}).out == "5\n");
        // The disk is usable again: a small update goes in.
        auto small = run("newsdex-index", {"--db", db, "-"},
                         "{\"id\": \"x\", \"text\": \"wombat\"}\n");
        CHECK(small.exit_code == 0);
        CHECK(run("newsdex-search", {"--db", db, "--count", ""}).out == "6\n");
        std::filesystem::remove_all(db);
      }
    }
  }
}

}  // namespace newsdex::e2e
