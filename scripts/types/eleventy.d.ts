// The part of Eleventy's programmatic API the build uses (Eleventy ships no types).
declare module '@11ty/eleventy' {
  export class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; dryRun?: boolean; runMode?: 'build' | 'serve' | 'watch'; config?: (config: unknown) => void });
    write(): Promise<unknown>;
    /** Prints nothing (not even its summary or its report of a failure). */
    disableLogger(): void;
    init(): Promise<void>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
  }
}

declare module '@11ty/eleventy-dev-server' {
  const EleventyDevServer: { prototype: Record<string, unknown> };
  export default EleventyDevServer;
}
