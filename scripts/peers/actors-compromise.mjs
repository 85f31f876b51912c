// The peer actor extractor: the compromise NLP library's people and
// organisations for each article newsdex_actor_eval --dump wrote.
// Reads JSON Lines {ref, title, text} on stdin, writes TSV ref, type, name.
import nlp from 'compromise';
import { createInterface } from 'node:readline';

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const { ref, title, text } = JSON.parse(line);
  const doc = nlp(`${title}\n\n${text}`);
  const seen = new Set();
  const emit = (type, names) => {
    for (const raw of names) {
      // Fair to the peer: no possessive, no honorific, no stray quotes.
      const name = raw
        .replace(/['’]s?\b/gu, (m, offset, all) =>
          offset + m.length >= all.trimEnd().length ? '' : m)
        .replace(/^(mr|mrs|ms|dr|sir|lord|lady)\.?\s+/iu, '')
        .replace(/[\s.,;:'’"()-]+$/u, '')
        .replace(/^[\s"'(]+/u, '')
        .trim();
      if (!name || seen.has(type + name.toLowerCase())) continue;
      seen.add(type + name.toLowerCase());
      process.stdout.write(`${ref}\t${type}\t${name.replace(/\s+/g, ' ')}\n`);
    }
  };
  emit('person', doc.people().out('array'));
  emit('org', doc.organizations().out('array'));
}
