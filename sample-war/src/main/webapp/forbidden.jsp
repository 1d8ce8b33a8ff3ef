<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" isErrorPage="true" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>Not for you</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/style.css"></head>
<body>
<main>
  <h1 id="forbidden">This page is for administrators</h1>
  <c:choose>
    <c:when test="${not empty pageContext.request.remoteUser}">
      <p>You are signed in as <strong><c:out value="${pageContext.request.remoteUser}"/></strong>, who is not one.</p>
    </c:when>
    <c:otherwise><p>This server does not know who you are here.</p></c:otherwise>
  </c:choose>
  <p><a href="${pageContext.request.contextPath}/app/">Your account</a></p>
</main>
</body>
</html>
