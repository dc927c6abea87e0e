package vn.pcmt.processowner;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.stereotype.Component;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.engine.DiagramHooks;
import vn.pcmt.engine.JsonVar;
import vn.pcmt.engine.Var;

/**
 * Gathers what the application offers the diagrams right now ({@link Knowledge}): its hooks ({@link DiagramHooks}),
 * the variables of the process classes, the directory's groups, the forms, the processes that exist.
 */
@Component
class KnowledgeSource {

  static final String ROOT_PACKAGE = "vn.pcmt";
  private static final Pattern PROCESS_ID = Pattern.compile("<(?:\\w+:)?process\\b[^>]*?\\bid=\"([^\"]+)\"");

  private final ApplicationContext context;
  private final AgencyDirectory directory;
  private final RepositoryService repository;
  private final ModelFolders folders;
  private final DiagramHooks hooks;
  private volatile Set<String> variables;

  KnowledgeSource(ApplicationContext context, AgencyDirectory directory, RepositoryService repository,
      ModelFolders folders, DiagramHooks hooks) {
    this.context = context;
    this.directory = directory;
    this.repository = repository;
    this.folders = folders;
    this.hooks = hooks;
  }

  Knowledge current() {
    Set<String> groups = new HashSet<>();
    for (Agency agency : directory.all()) {
      groups.add(agency.getCode());
      groups.add(AgencyGroups.headGroupOf(agency.getCode()));
    }
    Set<String> processKeys = new HashSet<>();
    repository.createProcessDefinitionQuery().latestVersion().list().stream().map(ProcessDefinition::getKey)
        .forEach(processKeys::add);
    for (byte[] diagram : folders.diagrams().values()) {
      Matcher id = PROCESS_ID.matcher(new String(diagram, StandardCharsets.UTF_8));
      while (id.find()) {
        processKeys.add(id.group(1));
      }
    }
    return new Knowledge(hooks.delegates(), hooks.methods(), variables(), groups, folders.forms().keySet(),
        processKeys);
  }

  /** Every variable the process classes ({@code vn.pcmt..*Process}) declare as a {@code Var} or {@code JsonVar}. */
  Set<String> variables() {
    if (variables == null) {
      ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
        @Override
        protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
          return definition.getMetadata().isIndependent();
        }
      };
      scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Process")));
      Set<String> names = new TreeSet<>();
      for (BeanDefinition candidate : scanner.findCandidateComponents(ROOT_PACKAGE)) {
        try {
          for (Field field : Class.forName(candidate.getBeanClassName()).getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
              Object value = field.get(null);
              if (value instanceof Var<?> variable) {
                names.add(variable.name());
              } else if (value instanceof JsonVar<?> variable) {
                names.add(variable.name());
              }
            }
          }
        } catch (ReflectiveOperationException | LinkageError e) {
          throw new IllegalStateException("Cannot read the variables of " + candidate.getBeanClassName(), e);
        }
      }
      variables = Collections.unmodifiableSet(names);
    }
    return variables;
  }

}
