import type { Command } from 'commander';

// PLACEHOLDER: filled in by its issue.
export function registerReplay(_program: Command): void {}
