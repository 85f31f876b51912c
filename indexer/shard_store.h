// Shards: N databases written in parallel, one thread each, and the stub
// file that lets Xapian open them as one database.
#ifndef NEWSDEX_INDEXER_SHARD_STORE_H_
#define NEWSDEX_INDEXER_SHARD_STORE_H_

#include <xapian.h>

#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/stub_file.h"
#include "indexer/index_writer.h"
#include "indexer/work_queue.h"

namespace newsdex {

// The shard folders of a sharded database at `dir`, from its stub file
// (read by read_stub(), common/stub_file.h, as the searcher reads it), in
// order; empty if `dir` is not a folder with a stub file. Throws StubError
// for a stub that names shards outside `dir`, and std::runtime_error for a
// stub this indexer cannot write to (remote shards).
std::vector<std::filesystem::path> local_shards(
    const std::filesystem::path& dir);

// Writes the stub file of a sharded database at `dir` listing `shards`
// (folder names relative to `dir`).
void write_stub(const std::filesystem::path& dir,
                const std::vector<std::string>& shards);

// Writes documents into shards: an article already stored goes back to
// the shard that holds it, a new one to shard `sequence % N`, so a stub
// over the shards numbers documents in indexing order.
class ShardStore : public DocumentStore {
 public:
  // Opens (creating if needed) each shard, and starts one writer thread
  // per shard.
  ShardStore(const std::vector<std::filesystem::path>& shards, bool spelling,
             std::size_t commit_bytes);
  ~ShardStore() override;

  void put(std::string id_term, Xapian::Document doc, Xapian::docid existing,
           std::uint64_t sequence, SpellingWords spelling) override;

  // Waits for every queued document to be written, sets `metadata` in each
  // shard and commits them all. Rethrows the first error a writer met
  // (std::bad_alloc included). A store destroyed without a successful
  // finish() commits nothing more (its shards' handles are kept open until
  // the process ends instead of committed by Xapian's destructor).
  void finish(const std::vector<std::pair<std::string, std::string>>& metadata);

  std::size_t size() const { return shards_.size(); }
  Xapian::WritableDatabase& shard(std::size_t i) { return shards_[i]->db; }

 private:
  struct Job {
    std::string id_term;
    Xapian::Document doc;
    SpellingWords spelling;
  };
  struct Shard {
    Xapian::WritableDatabase db;
    std::optional<CommittedSizes> committed;
    WorkQueue<Job> queue{256};
    std::thread thread;
    std::exception_ptr error;
  };
  void start_threads();
  void stop_threads();

  bool spelling_;
  std::size_t commit_bytes_;
  std::vector<std::unique_ptr<Shard>> shards_;
  bool finished_ = false;  // finish() committed every shard
};

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_SHARD_STORE_H_
