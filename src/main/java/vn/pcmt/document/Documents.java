package vn.pcmt.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.tika.Tika;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.engine.AsEngine;
import vn.pcmt.plan.Plan;
import vn.pcmt.plan.PlanLifecycleProcess;
import vn.pcmt.plan.PlanRegistrationService;
import vn.pcmt.subplan.SubPlanProcess;

/**
 * Signed documents attached to an agency's sub-plan or report. Stored as the engine's attachments of the process
 * instance (in the same database, so they survive restarts and travel with the plan's history), but never reached
 * through the engine's attachment API, which checks no authorization (the REST endpoints are closed by
 * {@link EngineAttachmentsClosed}): here, who may attach is who may work on the task, and who may open a document is
 * the agency it belongs to (officers and heads), the plan's secretariat and leadership, and administrators.
 */
@Service
public class Documents {

  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final PlanRegistrationService plans;
  private final DocumentRules rules;
  private final Tika tika = new Tika();

  Documents(TaskService tasks, HistoryService history, IdentityService identity, PlanRegistrationService plans,
      DocumentRules rules) {
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.plans = plans;
    this.rules = rules;
  }

  /** A document as officials see it listed. */
  public record DocumentView(String id, String name, String type, String typeLabel, long size, String uploadedBy,
      Instant uploadedAt, String taskId, String processInstanceId) {
  }

  /** Attaches the file to the task's process instance, as the current user. */
  public DocumentView attach(String taskId, String fileName, byte[] content) {
    Task task = visibleTask(taskId);
    String user = currentUser();
    if (!worksOn(task, user)) {
      throw new DocumentRefusedException(HttpStatus.FORBIDDEN,
          "Chỉ cán bộ được giao việc này mới đính kèm được tài liệu.");
    }
    String name = fileName == null || fileName.isBlank() ? "tai-lieu" : fileName.strip();
    if (content.length == 0) {
      throw new DocumentRefusedException(HttpStatus.BAD_REQUEST, "Tệp \"" + name + "\" rỗng.");
    }
    if (content.length > rules.maxSize().toBytes()) {
      throw new DocumentRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "Tệp \"" + name + "\" quá lớn ("
          + megabytes(content.length) + "): tối đa " + megabytes(rules.maxSize().toBytes()) + ".");
    }
    String type;
    try {
      type = tika.detect(new ByteArrayInputStream(content), name);
    } catch (IOException e) {
      type = "application/octet-stream";
    }
    if (!DocumentRules.TYPES.containsKey(type)) {
      throw new DocumentRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Tệp \"" + name + "\" không phải "
          + "PDF, Word (DOCX) hay ảnh quét (JPG, PNG, TIFF): chỉ nhận các loại tệp này.");
    }
    Attachment attachment = tasks.createAttachment(type, taskId, task.getProcessInstanceId(), name,
        user + ";" + content.length, new ByteArrayInputStream(content));
    return view(attachment);
  }

  /** The documents of the task's process instance and of the processes it called (a period's agency reports). */
  public List<DocumentView> ofTask(String taskId) {
    Task task = visibleTask(taskId);
    List<DocumentView> documents = new ArrayList<>();
    for (String instance : instanceAndChildren(task.getProcessInstanceId())) {
      tasks.getProcessInstanceAttachments(instance).forEach(a -> documents.add(view(a)));
    }
    documents.sort(Comparator.comparing(DocumentView::uploadedAt));
    return documents;
  }

  /** The document's content, for whoever may open it; 404 for anyone else (not even its existence is told). */
  public Content open(String documentId) {
    Attachment attachment = tasks.getAttachment(documentId);
    if (attachment == null || attachment.getProcessInstanceId() == null
        || !mayOpen(attachment.getProcessInstanceId())) {
      throw new DocumentRefusedException(HttpStatus.NOT_FOUND, "Không có tài liệu này, hoặc bạn không được xem.");
    }
    InputStream content = tasks.getAttachmentContent(documentId);
    return new Content(attachment.getName(), attachment.getType(), content);
  }

  public record Content(String name, String type, InputStream stream) {
  }

  private Task visibleTask(String taskId) {
    // the engine filters the query by the user's grants: another agency's task is simply not found
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new DocumentRefusedException(HttpStatus.NOT_FOUND, "Không có việc này, hoặc bạn không được xem.");
    }
    return task;
  }

  private boolean worksOn(Task task, String user) {
    if (user.equals(task.getAssignee())) {
      return true;
    }
    List<String> groups = groupsOf(user);
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (user.equals(link.getUserId()) || groups.contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  private boolean mayOpen(String processInstanceId) {
    List<String> groups = groupsOf(currentUser());
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    Set<String> allowed = new HashSet<>();
    String agency = variable(processInstanceId, SubPlanProcess.AGENCY_GROUP.name());
    if (agency != null) {
      allowed.add(agency);
      allowed.add(AgencyGroups.headGroupOf(agency));
    }
    String planId = variable(processInstanceId, PlanLifecycleProcess.PLAN_ID.name());
    if (planId != null) {
      plans.read(Long.parseLong(planId), (Plan plan) -> {
        allowed.add(plan.getStandingAgency());
        allowed.add(AgencyGroups.headGroupOf(plan.getStandingAgency()));
        allowed.add(AgencyGroups.headGroupOf(plan.getIssuingAgency()));
        return null;
      });
    }
    return groups.stream().anyMatch(allowed::contains);
  }

  /**
   * A variable of the process instance, running or ended, read from history (full history level). Read as the
   * engine: officials have no history grants, and only the routing values are read, to decide.
   */
  private String variable(String processInstanceId, String name) {
    HistoricVariableInstance variable = asEngine(() -> history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).disableCustomObjectDeserialization().list()
        .stream().filter(v -> processInstanceId.equals(v.getExecutionId())).findFirst().orElse(null));
    return variable == null || variable.getValue() == null ? null : String.valueOf(variable.getValue());
  }

  /** The instance and the instances it called (read as the engine: the caller already may see the task). */
  private List<String> instanceAndChildren(String processInstanceId) {
    List<String> instances = new ArrayList<>();
    instances.add(processInstanceId);
    asEngine(() -> history.createHistoricProcessInstanceQuery().superProcessInstanceId(processInstanceId).list())
        .stream().map(HistoricProcessInstance::getId).forEach(instances::add);
    return instances;
  }

  private <T> T asEngine(java.util.function.Supplier<T> reads) {
    return AsEngine.call(identity, reads);
  }

  private String currentUser() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new DocumentRefusedException(HttpStatus.UNAUTHORIZED, "Chưa đăng nhập.");
    }
    return authentication.getUserId();
  }

  private List<String> groupsOf(String user) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication != null && authentication.getGroupIds() != null ? authentication.getGroupIds()
        : List.of();
  }

  /** The attachment's description keeps who attached it and its size: "user;bytes". */
  private DocumentView view(Attachment attachment) {
    String[] about = attachment.getDescription() == null ? new String[0] : attachment.getDescription().split(";");
    long size = 0;
    try {
      size = about.length > 1 ? Long.parseLong(about[1]) : 0;
    } catch (NumberFormatException e) {
      // an attachment made elsewhere: size unknown
    }
    return new DocumentView(attachment.getId(), attachment.getName(), attachment.getType(),
        DocumentRules.TYPES.getOrDefault(attachment.getType(), attachment.getType()), size,
        about.length > 0 ? about[0] : null,
        attachment.getCreateTime() == null ? null : attachment.getCreateTime().toInstant(), attachment.getTaskId(),
        attachment.getProcessInstanceId());
  }

  private static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0).replace('.', ',');
  }
}
