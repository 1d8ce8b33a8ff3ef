<%@ include file="_top.jspf" %>
<p id="oie-new-password-text"><fmt:message key="${oie.newPassword == 'SET_UP' ? 'oie.text.setPassword' : oie.newPassword == 'EXPIRED' ? 'oie.text.expiredPassword' : 'oie.text.newPassword'}" bundle="${oieText}"/></p>
<c:set var="rules" value="${oie.passwordRules}"/>
<c:if test="${not empty rules}">
  <p class="who"><fmt:message key="oie.text.rules" bundle="${oieText}"/></p>
  <ul class="rules" id="oie-rules">
    <c:if test="${rules.minLength() > 0}"><li><fmt:message key="oie.rule.minLength" bundle="${oieText}"><fmt:param value="${rules.minLength()}"/></fmt:message></li></c:if>
    <c:if test="${rules.minLowerCase() > 0}"><li><fmt:message key="oie.rule.minLowerCase" bundle="${oieText}"/></li></c:if>
    <c:if test="${rules.minUpperCase() > 0}"><li><fmt:message key="oie.rule.minUpperCase" bundle="${oieText}"/></li></c:if>
    <c:if test="${rules.minNumber() > 0}"><li><fmt:message key="oie.rule.minNumber" bundle="${oieText}"/></li></c:if>
    <c:if test="${rules.minSymbol() > 0}"><li><fmt:message key="oie.rule.minSymbol" bundle="${oieText}"/></li></c:if>
    <c:if test="${rules.excludeUsername()}"><li><fmt:message key="oie.rule.excludeUsername" bundle="${oieText}"/></li></c:if>
  </ul>
</c:if>
<form method="post" action="${fn:escapeXml(oie.newPasswordUrl)}" id="oie-new-password">
  <%@ include file="_hidden.jspf" %>
  <label for="password"><fmt:message key="oie.label.newPassword" bundle="${oieText}"/></label>
  <input type="password" id="password" name="password" autocomplete="new-password" required autofocus<c:if test="${oie.invalid('password')}"> aria-invalid="true" aria-describedby="oie-error-password"</c:if>>
  <c:set var="oieField" value="password"/><%@ include file="_errors.jspf" %>
  <label for="confirmPassword"><fmt:message key="oie.label.confirmPassword" bundle="${oieText}"/></label>
  <input type="password" id="confirmPassword" name="confirmPassword" autocomplete="new-password" required<c:if test="${oie.invalid('confirmPassword')}"> aria-invalid="true" aria-describedby="oie-error-confirmPassword"</c:if>>
  <c:set var="oieField" value="confirmPassword"/><%@ include file="_errors.jspf" %>
  <button type="submit" id="oie-submit"><fmt:message key="oie.button.savePassword" bundle="${oieText}"/></button>
</form>
<c:if test="${oie.skippable}">
<form method="post" action="${fn:escapeXml(oie.skipUrl)}" id="oie-skip">
  <%@ include file="_hidden.jspf" %>
  <button type="submit" class="link"><fmt:message key="oie.button.skip" bundle="${oieText}"/></button>
</form>
</c:if>
<%@ include file="_restart.jspf" %>
<%@ include file="_bottom.jspf" %>
