/**
 * Writing `specwright doctree --out` files: a document's .pseudoxml and
 * .messages, in this thread (DirectSink) or in a writer thread
 * (WriterThreadSink, see output-writer.ts) while this one goes on parsing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startBuildWorker } from '../util/build-files.js';

/** One document's outputs: BASE.pseudoxml and BASE.messages. */
export interface OutputFiles {
  base: string;
  /** Text, or its UTF-8 bytes. */
  tree: string | Uint8Array;
  messages: string | Uint8Array;
}

const UTF8 = new TextEncoder();

/** Where processed documents' files go. */
export interface OutputSink {
  /** Takes a document's files; returns an error line when writing them failed already. */
  write(files: OutputFiles): string | undefined;
  /** Resolves when another document may be handed over (bounds the memory held by pending writes). */
  room(): Promise<void>;
  /** Waits for every write; returns one line per document that could not be written. */
  close(): Promise<string[]>;
}

/** Writes a document's files; returns an error line when they cannot be written. */
export function writeOutputFiles({ base, tree, messages }: OutputFiles): string | undefined {
  try {
    try {
      writeFileSync(`${base}.pseudoxml`, tree);
    } catch (error) {
      // The folder is made when first needed: most files go to folders that exist by then.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dirname(base), { recursive: true });
      writeFileSync(`${base}.pseudoxml`, tree);
    }
    writeFileSync(`${base}.messages`, messages);
    return undefined;
  } catch (error) {
    return `specwright: ${base}.pseudoxml: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

/** Writes at once, in this thread. */
export class DirectSink implements OutputSink {
  write(files: OutputFiles): string | undefined {
    return writeOutputFiles(files);
  }

  async room(): Promise<void> {}

  async close(): Promise<string[]> {
    return [];
  }
}

/**
 * Hands the files to a writer thread. Creating files costs system time
 * (about 0.7 ms a file measured on ext4, two files a document): in another
 * thread it overlaps with parsing instead of adding to it.
 */
export class WriterThreadSink implements OutputSink {
  private worker: Worker | null = null;
  /** Documents handed over and not yet written. */
  private outstanding = 0;
  /** Documents not yet posted: they go in batches, one message costing more than encoding a document. */
  private batch: OutputFiles[] = [];
  private transfers: ArrayBuffer[] = [];
  private waiting: (() => void)[] = [];
  private readonly errors: string[] = [];
  private failed = false;

  constructor(
    private readonly limit = 64,
    private readonly batchSize = 16,
  ) {}

  write(files: OutputFiles): string | undefined {
    if (this.failed) return `specwright: ${files.base}.pseudoxml: not written (the writer thread stopped)`;
    this.outstanding++;
    // As bytes whose buffers move to the writer: cloning the text into the
    // message cost this thread more (measured over the 845 nova specs:
    // ~108 ms a run against ~73 ms for encoding).
    const tree = typeof files.tree === 'string' ? UTF8.encode(files.tree) : files.tree;
    const messages = typeof files.messages === 'string' ? UTF8.encode(files.messages) : files.messages;
    this.batch.push({ base: files.base, tree, messages });
    this.transfers.push(tree.buffer as ArrayBuffer, messages.buffer as ArrayBuffer);
    if (this.batch.length >= this.batchSize) this.post();
    return undefined;
  }

  async room(): Promise<void> {
    if (this.outstanding < this.limit) return;
    this.post();
    while (this.outstanding >= this.limit && !this.failed) await new Promise<void>((wake) => this.waiting.push(wake));
  }

  async close(): Promise<string[]> {
    this.post();
    while (this.outstanding > 0 && !this.failed) await new Promise<void>((wake) => this.waiting.push(wake));
    if (this.worker) await this.worker.terminate();
    this.worker = null;
    return this.errors.splice(0);
  }

  private post(): void {
    if (this.batch.length === 0 || this.failed) return;
    this.start().postMessage(this.batch, this.transfers);
    this.batch = [];
    this.transfers = [];
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startBuildWorker('cli/output-writer.js');
    worker.on('message', (results: (string | null)[]) => {
      for (const error of results) if (error) this.errors.push(error);
      this.outstanding -= results.length;
      this.wake();
    });
    const stop = (reason: string): void => {
      if (this.outstanding > 0) this.errors.push(`specwright: ${this.outstanding} documents not written (${reason})`);
      this.failed = true;
      this.outstanding = 0;
      this.wake();
    };
    worker.on('error', (error) => stop(error.message));
    worker.on('exit', (code) => {
      if (!this.failed && this.worker !== null) stop(`the writer thread exited with code ${code}`);
    });
    this.worker = worker;
    return worker;
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }
}
