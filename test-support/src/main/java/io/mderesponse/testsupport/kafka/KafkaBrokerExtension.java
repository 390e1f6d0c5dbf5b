package io.mderesponse.testsupport.kafka;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension for plain tests (no Quarkus): makes sure the shared real broker runs and injects its
 * address into parameters annotated {@link BootstrapServers}.
 */
public class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        SharedKafkaBroker.bootstrapServers();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(BootstrapServers.class)
                && parameter.getParameter().getType() == String.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return SharedKafkaBroker.bootstrapServers();
    }
}
