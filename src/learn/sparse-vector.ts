/**
 * src/learn: the learning pieces the intent classifier and the knowledge section classifier share
 * (softmax regression, naive Bayes weights, int8 quantisation). No layer of its own: it imports
 * nothing from the project, so every layer may use it.
 */

/** A sparse vector: parallel arrays of feature indices and values. */
export interface SparseVector {
  indices: number[];
  values: number[];
}
