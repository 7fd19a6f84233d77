/**
 * Changes that touch several parts of the directory at once: a member leaving ends their terms as
 * first secretary; a branch merged or dissolved moves its members and ends its first secretary's
 * term. Each step is its own event; repeating a change finishes what an interrupted one began.
 */
package io.firstsecretary.organisation.changes;
