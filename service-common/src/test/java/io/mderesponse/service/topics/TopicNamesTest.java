package io.mderesponse.service.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.topic.TopicDefinition;
import io.mderesponse.contracts.topic.Topics;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicNamesTest {

    /** {@code topics.<kebab-name>} for each accessor of {@link TopicsConfig}, with its {@code @WithDefault}. */
    private static final Map<String, String> DEFAULTS = Arrays.stream(TopicsConfig.class.getDeclaredMethods())
            .collect(Collectors.toMap(method -> "topics." + kebab(method.getName()),
                    method -> method.getAnnotation(WithDefault.class).value()));

    @Test
    void everyRenameablePublicTopicHasAPropertyWhoseDefaultIsTheContractsName() {
        for (TopicDefinition topic : Topics.all()) {
            if (topic.configKey() != null) {
                assertThat(DEFAULTS).as(topic.configKey()).containsEntry(topic.configKey(), topic.defaultName());
            }
        }
        assertThat(DEFAULTS).hasSize((int) Topics.all().stream().filter(t -> t.configKey() != null).count());
    }

    @Test
    void aConfiguredNameReplacesTheDefaultAndInternalTopicsKeepTheirNames() {
        TopicNames names = new TopicNames(config(Map.of("topics.alerts-new", "renamed.alerts")));

        assertThat(names.nameOf(Topics.ALERTS_NEW)).isEqualTo("renamed.alerts");
        assertThat(names.nameOf(Topics.DECISIONS)).isEqualTo(Topics.DECISIONS.defaultName());
        assertThat(names.nameOf(Topics.POLLER_STATE)).isEqualTo(Topics.POLLER_STATE.defaultName());
    }

    /** A TopicsConfig answering like SmallRye Config would: the override, else the {@code @WithDefault}. */
    private static TopicsConfig config(Map<String, String> overrides) {
        Map<String, Function<Object[], Object>> answers = Arrays.stream(TopicsConfig.class.getDeclaredMethods())
                .collect(Collectors.toMap(Method::getName, method -> args -> {
                    String key = "topics." + kebab(method.getName());
                    return overrides.getOrDefault(key, DEFAULTS.get(key));
                }));
        return (TopicsConfig) java.lang.reflect.Proxy.newProxyInstance(TopicsConfig.class.getClassLoader(),
                new Class<?>[] {TopicsConfig.class}, (proxy, method, args) -> answers.get(method.getName()).apply(args));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
