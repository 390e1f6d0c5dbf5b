package io.mderesponse.response.service;

/**
 * Pauses and resumes reading requests, while one is held. Implementations log rather than throw. An interface
 * although the Kafka adapter is its only implementation, so the service's logic does not depend on messaging.
 */
public interface ConsumptionControl {

    void pause();

    void resume();
}
