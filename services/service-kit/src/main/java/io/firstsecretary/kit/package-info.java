/**
 * Plumbing shared by the services and nothing else: the CloudEvents envelope on Kafka, the outbox
 * and its relay, dead-lettering consumers, problem details, a ping-based Mongo health check and the
 * clock. No domain code lives here.
 */
package io.firstsecretary.kit;
