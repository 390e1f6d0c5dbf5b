package io.mderesponse.contracts.access;

/**
 * The kinds of Kafka resource a service is granted access to. No service gets a cluster-level grant: topics are
 * created by the Strimzi topic operator, not by the services (see {@link KafkaAccess}).
 */
public enum ResourceKind {
    TOPIC,
    /** A consumer group: joining it and committing its offsets. */
    GROUP,
    /** A transactional producer's id: starting, committing and aborting its transactions. */
    TRANSACTIONAL_ID
}
