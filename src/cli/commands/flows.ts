import type { Command } from 'commander';

// PLACEHOLDER: filled in by its issue.
export function registerFlows(_program: Command): void {}
