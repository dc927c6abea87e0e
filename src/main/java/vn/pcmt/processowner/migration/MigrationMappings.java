package vn.pcmt.processowner.migration;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Finds the mapping file for moving instances of one version to another ({@link MappingFile}): first in the target
 * version's own deployment (deployed from Camunda Modeler together with the diagram, "Include additional files"),
 * then next to the diagrams ({@code processes/<key>.migration.yaml}, or the folder
 * {@code pcmt.process-owner.migrations} names; by default the folder of {@code pcmt.process-owner.processes}). Read
 * afresh on every call.
 */
@Component
class MigrationMappings {

  /** Where the mapping file of a pair of versions was found, and its entry for them. */
  record Found(String location, MappingFile.Rule rule) {
  }

  private final RepositoryService repository;
  private final String pattern;
  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  MigrationMappings(RepositoryService repository,
      @Value("${pcmt.process-owner.processes:classpath*:processes/*.bpmn}") String processes,
      @Value("${pcmt.process-owner.migrations:}") String migrations) {
    this.repository = repository;
    this.pattern = migrations != null && !migrations.isBlank() ? migrations : siblingsOf(processes);
  }

  /** {@code classpath*:processes/*.bpmn} → {@code classpath*:processes/*.migration.yaml}. */
  static String siblingsOf(String diagrams) {
    int slash = diagrams.lastIndexOf('/');
    return (slash < 0 ? "" : diagrams.substring(0, slash + 1)) + "*" + MappingFile.SUFFIX;
  }

  /** The entry that applies to moving instances of {@code source} to {@code target}, if a mapping file has one. */
  Optional<Found> find(ProcessDefinition source, ProcessDefinition target) {
    String fileName = MappingFile.fileNameOf(target.getKey());
    Optional<Found> deployed = deployed(target, fileName).flatMap(file -> file.ruleFor(source, target)
        .map(rule -> new Found("triển khai " + target.getKey() + " v" + target.getVersion() + " › "
            + file.fileName(), rule)));
    if (deployed.isPresent()) {
      return deployed;
    }
    return folder(fileName).flatMap(file -> file.ruleFor(source, target).map(rule -> new Found(file.fileName(), rule)));
  }

  private Optional<MappingFile> deployed(ProcessDefinition target, String fileName) {
    for (String name : repository.getDeploymentResourceNames(target.getDeploymentId())) {
      if (name.equals(fileName) || name.endsWith("/" + fileName)) {
        try (InputStream in = repository.getResourceAsStream(target.getDeploymentId(), name)) {
          return Optional.of(MappingFile.parse(fileName, in.readAllBytes()));
        } catch (IOException e) {
          throw new MigrationRequestException("Không đọc được " + name + " của lần triển khai "
              + target.getDeploymentId() + ".", e);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<MappingFile> folder(String fileName) {
    Resource[] resources;
    try {
      resources = resolver.getResources(pattern);
    } catch (IOException e) {
      return Optional.empty(); // no such folder: no mapping files
    }
    for (Resource resource : resources) {
      if (fileName.equals(resource.getFilename())) {
        try {
          return Optional.of(MappingFile.parse(fileName, resource.getContentAsByteArray()));
        } catch (IOException e) {
          throw new MigrationRequestException("Không đọc được tệp ánh xạ " + resource + ".", e);
        }
      }
    }
    return Optional.empty();
  }
}
