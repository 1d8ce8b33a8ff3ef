<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>oie-filter sample</title>
<link rel="stylesheet" href="${pageContext.request.contextPath}/style.css"></head>
<body>
<main>
  <h1>Welcome to the sample app</h1>
  <p>This page is public. The pages under <code>/app/</code> and the API under <code>/api/</code> need you to sign in
     with Okta Identity Engine, on this app's own pages.</p>
  <p><a id="go-app" href="${pageContext.request.contextPath}/app/">Go to your account</a></p>
</main>
</body>
</html>
