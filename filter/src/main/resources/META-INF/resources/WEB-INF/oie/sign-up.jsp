<%@ include file="_top.jspf" %>
<form method="post" action="${fn:escapeXml(oie.registerUrl)}" id="oie-register" autocomplete="on">
  <%@ include file="_hidden.jspf" %>
  <c:forEach var="field" items="${oie.profileFields}">
    <label for="oie-field-${fn:escapeXml(field.name())}"><c:out value="${field.label()}"/></label>
    <input type="${field.name() == 'email' ? 'email' : 'text'}" id="oie-field-${fn:escapeXml(field.name())}"
           name="${fn:escapeXml(field.name())}" value="${fn:escapeXml(param[field.name()])}" ${field.required() ? 'required' : ''}>
    <c:forEach var="m" items="${oie.fieldMessages[field.name()]}"><p class="error" id="oie-error-${fn:escapeXml(field.name())}"><c:out value="${m}"/></p></c:forEach>
  </c:forEach>
  <button type="submit" id="oie-submit"><fmt:message key="oie.button.register" bundle="${oieText}"/></button>
</form>
<form method="post" action="${fn:escapeXml(oie.restartUrl)}" id="oie-restart">
  <input type="hidden" name="${oie.csrfParameter}" value="${fn:escapeXml(oie.csrfToken)}">
  <button type="submit" class="link"><fmt:message key="oie.button.haveAccount" bundle="${oieText}"/></button>
</form>
<%@ include file="_bottom.jspf" %>
