// Types of check-node.cjs for the TypeScript side (its test).
export interface Requirement {
  line?: number;
  from: string;
}
export declare const REQUIREMENTS: { start: Requirement[]; dist: Requirement[] };
export declare function supports(requirement: Requirement[], version: string): boolean;
export declare function engineRange(requirement: Requirement[]): string;
export declare function describe(requirement: Requirement[]): string;
export declare function message(what: 'start' | 'dist', version: string): string;
