package io.mderesponse.simulator.alerts;

import java.time.Instant;

/** One piece of an alert's evidence, with the documented fields. */
public record Evidence(
        String entityType,
        Instant evidenceCreationTime,
        String sha1,
        String sha256,
        String fileName,
        String filePath,
        Long processId,
        String processCommandLine,
        Instant processCreationTime,
        Long parentProcessId,
        Instant parentProcessCreationTime,
        String parentProcessFileName,
        String parentProcessFilePath,
        String ipAddress,
        String url,
        String registryKey,
        String registryHive,
        String registryValueType,
        String registryValue,
        String registryValueName,
        String accountName,
        String domainName,
        String userSid,
        String aadUserId,
        String userPrincipalName,
        String detectionStatus) {
}
