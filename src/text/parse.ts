import { parseLatinLite } from './parse-lite.js';
import type { Root, Paragraph, Sentence as NlcstSentence } from 'nlcst';

export interface Word {
  /** The word as written ("Älkää", "ko.", "www.elisa.fi"). */
  text: string;
  /** Lower case, without a trailing full stop. */
  core: string;
  /** Written with a trailing full stop ("ko.", "em."). */
  dot: boolean;
  start: number;
  end: number;
  sentence: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  paragraph: number;
  /** Index of the first word of the sentence in the word list. */
  firstWord: number;
  /** One past the last word. */
  endWord: number;
  text: string;
}

// Our FI/SV parser (same nlcst nodes and positions as retext-latin, ~4x faster;
// test/parse-lite.test.ts compares the two on every fixture), called directly:
// a unified processor would add a VFile per reply and ~1,500 lines to every start.

export interface Parsed {
  tree: Root;
  words: Word[];
  sentences: Sentence[];
}

/** Parses text into an nlcst tree and flat word and sentence lists with offsets. */
export function parse(text: string): Parsed {
  const tree = parseLatinLite(text);
  const words: Word[] = [];
  const sentences: Sentence[] = [];
  let paragraphIndex = 0;
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of (paragraph as Paragraph).children) {
      if (sentence.type !== 'SentenceNode') continue;
      addSentence(sentence as NlcstSentence, paragraphIndex, words, sentences, text);
    }
    paragraphIndex++;
  }
  return { tree, words, sentences };
}

function addSentence(node: NlcstSentence, paragraph: number, words: Word[], sentences: Sentence[], text: string) {
  const index = sentences.length;
  const firstWord = words.length;
  for (const child of node.children) {
    if (child.type !== 'WordNode' || !child.position) continue;
    // The parser's positions are exact (its nodes stringify to their span of the input):
    // a slice of the text, not a walk over the word's parts joined, for every word of every reply.
    const written = text.slice(child.position.start.offset!, child.position.end.offset!);
    const dot = written.length > 1 && written.endsWith('.');
    words.push({
      text: written,
      core: (dot ? written.replace(/\.+$/, '') : written).toLowerCase(),
      dot,
      start: child.position.start.offset!,
      end: child.position.end.offset!,
      sentence: index,
    });
  }
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  sentences.push({ index, start, end, paragraph, firstWord, endWord: words.length, text: text.slice(start, end) });
}
