import type { Command } from 'commander';

// PLACEHOLDER: filled in by its issue.
export function registerNluCommands(_program: Command): void {}
