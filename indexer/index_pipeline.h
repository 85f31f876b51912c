// The reading and preparing half of an indexing run: readers stream the
// inputs' records in batches, Preparers (on --jobs threads) clean, date-check
// and tokenise them, and a collector hands them to the target's writer in
// reading order, counting and reporting as it goes. index_run.cc sets up
// the target (layout, shards, commit, merge) around it.
#ifndef NEWSDEX_INDEXER_INDEX_PIPELINE_H_
#define NEWSDEX_INDEXER_INDEX_PIPELINE_H_

#include <xapian.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "common/actors.h"
#include "common/fields.h"
#include "common/source_normalizer.h"
#include "indexer/index_run.h"
#include "indexer/index_writer.h"

namespace newsdex {

// What preparing needs from the run; everything must outlive the call.
struct PipelineContext {
  const IndexOptions& options;  // inputs, jobs, clean, actors, now
  const std::string& language;
  const SourceNormalizer& sources;
  const ActorGazetteer& actors;
  const FieldTable& fields;
  // The database as it was before the run, for the one-thread preparer.
  Xapian::Database* snapshot;
  // Opens another such view, one for each worker thread.
  std::function<std::unique_ptr<Xapian::Database>()> open_snapshot;
};

// Reads every input of `context.options`, prepares each record (on
// options.jobs threads, at least one) and writes them with `writer` in
// reading order, counting into `summary` and telling `reporter`. A bad
// record or a read error in one input is counted and skipped; reading
// stops when `stop` turns true. Throws what the writer throws (a disk
// error, out of memory), after every thread has ended.
void run_pipeline(const PipelineContext& context, OrderedWriter& writer,
                  IndexSummary& summary, IndexReporter& reporter,
                  const std::atomic<bool>& stop);

}  // namespace newsdex

#endif  // NEWSDEX_INDEXER_INDEX_PIPELINE_H_
