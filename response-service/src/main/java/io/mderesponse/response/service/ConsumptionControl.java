package io.mderesponse.response.service;

/** Pauses and resumes reading requests, while one is held. Implementations log rather than throw. */
public interface ConsumptionControl {

    ConsumptionControl NONE = new ConsumptionControl() {
        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }
    };

    void pause();

    void resume();
}
