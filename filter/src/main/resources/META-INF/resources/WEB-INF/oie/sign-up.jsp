<%@ include file="_top.jspf" %>
<c:if test="${not empty oie.signUpDomains}"><p id="oie-sign-up-domains"><fmt:message key="oie.text.signUpDomains" bundle="${oieText}"><fmt:param value="${fn:escapeXml(oie.signUpDomains)}"/></fmt:message></p></c:if>
<form method="post" action="${fn:escapeXml(oie.registerUrl)}" id="oie-register" autocomplete="on">
  <%@ include file="_hidden.jspf" %>
  <c:forEach var="field" items="${oie.profileFields}">
    <label for="oie-field-${fn:escapeXml(field.name())}"><c:out value="${field.label()}"/></label>
    <input type="${field.name() == 'email' ? 'email' : 'text'}" id="oie-field-${fn:escapeXml(field.name())}"
           name="${fn:escapeXml(field.name())}" value="${fn:escapeXml(oie.formValues[field.name()])}" ${field.required() ? 'required' : ''}<%-- the browser fills Okta's standard profile fields --%><c:choose><c:when test="${field.name() == 'email'}"> autocomplete="email"</c:when><c:when test="${field.name() == 'firstName'}"> autocomplete="given-name"</c:when><c:when test="${field.name() == 'lastName'}"> autocomplete="family-name"</c:when><c:when test="${field.name() == 'mobilePhone'}"> autocomplete="tel"</c:when></c:choose><c:if test="${oie.invalid(field.name())}"> aria-invalid="true" aria-describedby="oie-error-${fn:escapeXml(field.name())}"</c:if>>
    <c:set var="oieField" value="${fn:escapeXml(field.name())}"/><%@ include file="_errors.jspf" %>
  </c:forEach>
  <button type="submit" id="oie-submit"><fmt:message key="oie.button.register" bundle="${oieText}"/></button>
</form>
<%-- Back to the sign-in form through Okta's select-identify, in the same transaction. --%>
<form method="post" action="${fn:escapeXml(oie.haveAccountUrl)}" id="oie-have-account">
  <%@ include file="_hidden.jspf" %>
  <button type="submit" class="link" id="oie-have-account-button"><fmt:message key="oie.button.haveAccount" bundle="${oieText}"/></button>
</form>
<%@ include file="_bottom.jspf" %>
