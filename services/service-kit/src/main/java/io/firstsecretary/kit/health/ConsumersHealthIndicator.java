package io.firstsecretary.kit.health;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Part of readiness: every running listener has joined its consumer group. Until it has, events this
 * service depends on are not being read, and what it answers would lag behind without saying so.
 * It hears each listener's first assignment (even of no partitions, when a group has more members
 * than partitions) and forgets it when the listener stops; a stopped listener (a rebuild) is not
 * waited for.
 */
public class ConsumersHealthIndicator extends AbstractHealthIndicator
        implements ConsumerAwareRebalanceListener, ApplicationListener<ConsumerStoppedEvent> {

    private final ObjectProvider<KafkaListenerEndpointRegistry> registry;
    private final Set<Set<String>> joined = ConcurrentHashMap.newKeySet();

    public ConsumersHealthIndicator(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        super("Consumers could not be checked");
        this.registry = registry;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        joined.add(Set.copyOf(consumer.subscription()));
    }

    @Override
    public void onApplicationEvent(ConsumerStoppedEvent event) {
        joined.remove(topicsOf(event.getContainer(MessageListenerContainer.class)));
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var listeners = new TreeMap<String, String>();
        boolean all = true;
        var containers = registry.getIfAvailable();
        for (var container :
                containers == null ? List.<MessageListenerContainer>of() : containers.getListenerContainers()) {
            if (container.isRunning()) {
                boolean member = joined.contains(topicsOf(container));
                all &= member;
                listeners.put(container.getListenerId(), member ? "joined" : "joining");
            } else {
                listeners.put(container.getListenerId(), "stopped");
            }
        }
        (all ? builder.up() : builder.outOfService()).withDetail("listeners", listeners);
    }

    private static Set<String> topicsOf(MessageListenerContainer container) {
        var topics = container.getContainerProperties().getTopics();
        return topics == null ? Set.of() : Set.of(topics);
    }
}
