/**
 * Helpers for the platform's own tests: an HTTP client for the REST API and a probe that reads and
 * writes raw Kafka records. They talk to real servers only.
 */
package io.firstsecretary.infra.testing;
