import type { Command } from 'commander';

// PLACEHOLDER: filled in by its issue.
export function registerKnowledgeCommands(_program: Command): void {}
