// Offsets from the YAML parser become 1-based line:column in the file, computed only on demand.

export class Positions {
  private starts: number[] | undefined;

  constructor(
    private readonly text: string,
    /** 1-based file line of the text's first line. */
    private readonly firstLine: number,
  ) {}

  /** 1-based line and column in the file of an offset into the text. */
  at(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.firstLine + lo, column: o - starts[lo]! + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
